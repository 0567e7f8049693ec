"""Static word lists used by the name detector (data only, no logic)."""

from __future__ import annotations

__all__ = ["FIRST_NAMES", "NOT_A_NAME"]

# Common first names across several cultures. Names that are also everyday English words
# (will, mark, bill, hope, grace, may, june, rose, faith, joy, dawn, ...) are left out on
# purpose: "I'm will..." is more often a typo than an introduction.
FIRST_NAMES: frozenset[str] = frozenset("""
aaron abby abdul abigail adam adrian ahmed aiden aisha alan albert alex alexa alexander
alexandra alice alicia alison allison amanda amber amelia amir amy ana andrea andrew andy
angela anna anne annie anthony antonio arjun arthur ashley aubrey austin ava barbara
beatrice ben benjamin beth bethany betty beverly blake brandon brenda brian bridget
brittany brooke bruce caitlin caleb cameron carl carla carlos carmen carol caroline carter
catherine charles charlie charlotte chelsea chloe chris christina christine christopher
claire clara colin connor craig crystal cynthia daniel danielle david deborah debra
dennis derek diana diane diego dimitri dmitri donald donna dorothy dylan ed edward elena
eli elijah elizabeth ella ellen emily emma eric erica erin ethan eva evelyn fatima
felix fernando fiona frances francesca frank gabriel gabriela gary gemma george georgia
gerald gloria gordon greg gregory hannah harold harriet harry hassan heather helen
henry hugo ian isaac isabel isabella isla ivan jack jackson jacob jacqueline jake james
jamie jan jane janet jasmine jason javier jay jean jeff jeffrey jennifer jenny jeremy
jerry jess jessica jim jimmy joan joe joel john johnny jon jonathan jordan jorge jose
joseph josh joshua joyce juan julia julian julie justin karen kate katherine kathleen
kathy katie keith kelly ken kenneth kevin kim kimberly kyle laura lauren leah lee leo
liam lily linda lisa logan lois louis lucas lucy luis luke lydia madison maggie maria
marie marilyn mario martha martin mary mason matt matthew megan melissa mia michael
michelle miguel mike mohammed mohammad muhammad nancy natalie nathan nicholas nick nicole
noah nora oliver olivia omar oscar owen pablo pamela patricia patrick paul paula peter
philip phoebe priya rachel rahul raj ralph rebecca richard rick rita rob robert robin
roger ronald ruth ryan sally sam samantha samuel sandra sara sarah scott sean sharon
shirley simon sofia sophia sophie stephanie stephen steve steven susan tanya teresa
theresa thomas tiffany tim timothy tina todd tom tommy tony tyler valerie vanessa
victor victoria vincent walter wayne wei wendy william xavier yasmin yusuf zach zachary
zoe aoife siobhan niamh ciara declan
""".split())

# Words that can follow "I'm" / "my name is" and are not part of a name.
NOT_A_NAME: frozenset[str] = frozenset("""
a about above actually after again against ago all almost alone along already also always
am an and angry annoyed anxious any anymore anyway are around as ashamed asleep at autistic
away awake back bad barely be because been before behind being better between bipolar
blessed bored both broke broken busy but by calm can cant can't certain clean close
coming confused could crying curious dad dealing definitely depressed desperate did
different disabled do doing done down drained drunk during each early either else
embarrassed empty enough even ever every exhausted fairly feeling fed fine finally for
fortunate free from frustrated full furious getting glad going gonna good got grateful
great grieving guilty had happy hard has have having he her here hers herself hey hi him
himself his home honestly hopeful hoping how however hungry hurt hurting i if ill im in
into is isnt isn't it its it's just kind kinda kinda laughing late lazy learning less
like literally lol lonely looking lost lucky mad maybe me mom more most mostly much
must my myself nearly nervous never new next nice no nobody normal not nothing now of off
ok okay old on once one only or other our out over overwhelmed own panicking part
pretty probably proud qualified quite rather ready real really relieved right sad safe
same scared seriously she should sick single so sober some something sometimes sorry
still stressed stuck such super sure surprised taking talking terrified than thankful
thanks that the their them then there these they thinking this those though through
thrilled tired to today told tomorrow tonight too totally trying twenty unemployed unsure
up upset us used very waiting want was we well were what when where which while who why
will with without worried worse worth would writing wrong yeah yes yet you your
hopeless helpless worthless useless numb anxious struggling recovering healing sorry
monday tuesday wednesday thursday friday saturday sunday january february march april
june july august september october november december morning afternoon evening night
weekend week year years month months day days new old big little hard spelled pronounced
long short weird unusual difficult common boring funny polish irish german english
italian spanish french chinese indian thirty forty fifty sixty years-old here's there's
btw tbh idk imo lmao haha also and too or nor lately recently currently constantly
bit lot ton group room support people everyone everybody someone somebody anyone
gone getting growing trying feeling finding struggling dying living moving staying
going coming leaving working studying starting stopping sleeping eating drinking
doctor therapist nurse teacher student mother father parent sister brother wife husband
partner friend guy girl man woman person kid son daughter member newbie newcomer host
facilitator bot admin mod moderator google right wrong seuss phil
""".split())
