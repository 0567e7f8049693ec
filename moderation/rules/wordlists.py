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

# More first names (Spanish, Portuguese, French, German and other common short forms).
FIRST_NAMES |= frozenset("""
dave davey ben tom tommy jon jen jenny jo jodie bex becky becca kate katie liz lizzie beth
pete phil steve stevie rob bob bobby dan danny matt mike mick mickey nick nico chris jess
lou lucy kev gaz gaz gareth gavin darren dean neil nigel ross shaun shane stuart trevor
wendy tracy tracey sharon debbie mandy kerry kirsty leanne lindsey lorraine louise
maureen paula sue suzanne tara toni vicky kirsty kayleigh chantelle jade aimee ellie
abbie amelie olusegun chidi chioma ngozi emeka tunde kwame kofi ama yaw fatou aminata
lucia lucía javier sergio alejandro pablo alvaro diego raul rocio pilar carmen mercedes
dolores consuelo ines teresa marta cristina laura paula nuria montse jordi pau xavi
joao joão paulo pedro rafael tiago thiago gustavo rodrigo bruno leonardo felipe mateus
lucas gabriela fernanda beatriz juliana larissa camila leticia bianca vitoria luana
adriana patricia renata simone tatiana vanessa aline priscila rafaela
julien camille mathieu nicolas pierre louis antoine hugo theo lea manon chloe sophie
claire celine nathalie isabelle sandrine aurelie elodie amandine margaux pauline
juliette amelie marion oceane anais sebastien guillaume thibault quentin florian
romain benoit francois jerome olivier stephane laurent
jonas lena lukas leon finn paul felix maximilian moritz niklas jannik tobias florian
markus stefan thomas andreas michael sabine petra ursula monika birgit claudia katrin
anja silke heike jutta kerstin susanne nadine steffi jana lea leonie hannah marie
sophie mia emma lina ida greta frieda helga dieter gunter jurgen uwe klaus wolfgang
priya anjali sunita deepa ravi vijay sanjay amit rohit arjun vikram nikhil aditya
wei li mei ling hui jun yan xin hao ming jing min jae soo ji hyun yuki hiro kenji
ahmad ali omar fatima aisha layla nadia samir karim youssef hassan hussein
jamal tariq bilal imran kamal zainab maryam sara sana noor amina
olga irina natasha svetlana anastasia dmitry sergei alexei andrei igor oleg
aoife siobhan niamh ciara declan sinead roisin orla cian eoin padraig saoirse
""".split())

# Ordinary words, in the five room languages, that never start or continue a name
# (a larger list than NOT_A_NAME, for lower-case chat: "i'm jen tbh", "soy ana y …").
COMMON_WORDS: frozenset[str] = NOT_A_NAME | frozenset("""
please pls plz thank thanks thx ty cheers hugs hug love xo xx x xxx lots best wishes
kind regards warm take care sincerely warmly signed hello hey hiya everyone all guys
folks friends fam team here there again too also anyway though tho btw tbh idk imo imho
lmao lol haha hehe omg ugh meh hmm yeah yep nope ok okay k kk sure fine good great
happy merry new christmas easter birthday friday monday tuesday wednesday thursday
saturday sunday morning night evening day week year today tonight tomorrow yesterday
says said say saying told tells asked asks think thinks thought know knows knew want
wants wanted need needs needed feel feels felt get gets got go goes went come comes
came make makes made see sees saw look looks looked help helps helped keep keeps kept
try tries tried call calls called text texts texted left leave leaves stay stays
stayed turned turns moved moves lives lived works worked died dies passed passes
back away out off over under up down about around again never always still just even
only really very so too much many more less most least some any no not and or but if
then than that this these those who whom whose what which when where why how because
since until while as at by for from in into of on onto to with without within
fan club show band group page crew family mum mom dad mama papa nan gran grandma grandpa
big little small old young new poor dear sweet cool nice mean bad sad mad glad
american british english irish scottish welsh canadian australian mexican spanish
french german italian portuguese brazilian indian chinese japanese korean african
black white asian latina latino jewish muslim christian catholic hindu sikh buddhist
atheist gay lesbian bi trans queer straight married divorced widowed separated single
scotland england ireland wales spain france germany italy portugal brazil mexico
island islands sparta blue red green yellow orange purple pink grey gray
mother father sister brother son daughter wife husband partner boyfriend girlfriend
ex bf gf aunt uncle cousin niece nephew boss manager therapist doctor nurse sponsor
counsellor counselor teacher coach neighbour neighbor friend mate bestie babe
y e o a de del la las los el en con por para que como pero porque muy mas ya no si
soy eres es somos son estoy esta estamos estan tengo tiene tenemos hay fue era
hola gracias adios saludos abrazo abrazos besos besitos amigos amigas todos todas
nueva nuevo aqui alli bien mal triste cansada cansado feliz ansiosa ansioso sola solo
catolica catolico mexicana mexicano espanola espanol dios madre padre hermana hermano
um uma uns umas com sem da do das dos na no nas nos em ao aos pra pro mais mas
sou estou esta estamos tenho tem temos oi ola obrigado obrigada abracos beijos
gente nova novo aqui bem mal triste cansada cansado feliz sozinha sozinho
brasileira brasileiro portuguesa portugues deus mae pai irma irmao
et ou mais donc car ni je tu il elle nous vous ils elles suis es est sommes etes
sont ai as avons avez ont le la les un une des du au aux ce cet cette ces mon ma mes
ton ta tes son sa ses bonjour salut merci bisous bises cordialement amities
bonne bon journee soiree nuit nouvelle nouveau fatiguee fatigue triste seule seul
francaise francais belge suisse canadienne dieu mere pere soeur frere
und oder aber doch denn ich du er sie es wir ihr bin bist ist sind seid war
der die das den dem des ein eine einer einem einen mein meine dein deine sein seine
hallo hi danke tschuss gruss grusse liebe lieben viele herzliche lg vg mfg
frohe weihnachten ostern neu neue neuer mude traurig allein alleine deutsche deutscher
osterreicher osterreicherin schweizer schweizerin gott mutter vater schwester bruder
""".split())
