"""Word classes for reading organisation names in lower-case chat (data only, no logic).

All words are in the normalized lower-case form (accents folded: "lycée" reads "lycee",
"Müller" reads "muller"). ``orgs_chat.py`` sorts the words after a work or study cue into
these classes and decides from the mix whether a named place follows.
"""

from __future__ import annotations

__all__ = [
    "SCHOOL_HEADS", "WORK_HEADS", "SAINTS", "JOINS", "MODIFIERS", "BOUNDARIES", "INDEFINITE",
    "ARTICLES", "POSSESSIVES", "COMPOUND_HEADS", "GENERIC_COMPOUNDS",
]

# Kinds of school ("oakwood primary", "colegio santa maria", "lycee victor hugo").
SCHOOL_HEADS: frozenset[str] = frozenset("""
school schools primary secondary high elementary middle academy college colleges university
uni grammar comprehensive prep preparatory infants infant juniors junior nursery nurseries
kindergarten montessori polytechnic institute sixth colegio cole instituto escuela
universidad ies ceip liceo lycee college ecole gymnasium grundschule realschule gesamtschule
hauptschule hochschule universitat uni escola faculdade universidade universite kita
creche preschool daycare seminary conservatory conservatoire
""".split())

# Kinds of workplace ("greenway clinic", "marlow logistics", "padaria estrela").
WORK_HEADS: frozenset[str] = frozenset("""
clinic clinics hospital hospitals surgery pharmacy chemist chemists practice medical health
dental dentistry dentists vets veterinary ltd limited llc llp inc plc gmbh ag sa sl sarl co
company group partners associates solicitors law accountants consulting bank council
library church cafe coffee bakery restaurant bar pub hotel garage motors studio studios
labs lab trust foundation agency centre center care nursing farm salon gym store stores
shop market factory warehouse office station services solutions systems technologies tech
digital media press insurance logistics klinik klinikum krankenhaus praxis apotheke
farmacia clinica ayuntamiento mairie rathaus kanzlei hospice ward unit home homes
infirmary hall inn diner bistro kitchen deli florist florists butchers bakers builders
electrical engineering construction manufacturing recruitment estates lettings travel
pharmacie clinique hopital boulangerie patisserie entreprise societe cabinet magasin
boutique usine bureau banque hopitaux padaria farmacia loja mercado empresa oficina tienda
fabrica escritorio supermercado restaurante cafeteria ferreteria panaderia peluqueria
residencia hospitais firma laden werkstatt backerei baeckerei buro fabrik bibliothek
kita altenheim pflegeheim heim autohaus hotels
""".split())

# Words that open a saint's name ("st brigid's", "san rafael", "sao jose", "sankt georg").
SAINTS: frozenset[str] = frozenset("st st. saint sainte san santa santo sao sankt ste ste.".split())

# Words that may join the parts of one name ("hollis and pryce", "clinique du parc").
JOINS: frozenset[str] = frozenset(
    "and & of the for de del da do dos das du des d' von van der am an la las los el le les".split()
)

# Indefinite articles: "at a supermarket", "numa loja", "bei einer bank" name no place.
INDEFINITE: frozenset[str] = frozenset(
    "a an any some another un una uno unos unas um uma umas uns numa num une ein eine einer "
    "einem einen".split()
)
# Definite articles, skipped before a name ("at the haven hospice", "na padaria estrela").
ARTICLES: frozenset[str] = frozenset(
    "the el la los las l' le les o os as der die das dem den des".split()
)
POSSESSIVES: frozenset[str] = frozenset(
    "my our your his her their its mi mis tu su sus nuestro nuestra meu minha meus minhas "
    "seu sua nosso nossa mon ma mes ton ta son sa notre leur mein meine meinem meiner "
    "meinen dein deine sein seine ihr ihre unser unsere".split()
)

# Ordinary words that may stand in a place's description without naming it ("the local
# hospital", "a big care home", "escola estadual", "the children's hospital").
MODIFIERS: frozenset[str] = frozenset("""
local nearby big small large huge little tiny new old same main central city town village
county state public private general community regional national district catholic
christian religious secondary special sen independent free sixth form boarding day night
job call care nursing medical dental vet veterinary animal pet health mental gp doctors
doctor walk-in urgent emergency children kids women men sports leisure shopping
garden book grocery corner post police fire train bus petrol gas car retail law
accounting estate hair nail beauty tattoo fast food pizza burger chinese indian italian
thai family rehab treatment detox recovery 24 hour 24-hour distribution fulfillment call
least most all full odd weird random both first second third last next other only
different another two three four five several many few various usual regular current
previous former same own work works weekends weekend nights days evenings mornings shifts
home school uni university college hospital office place places site sites building
estadual municipal federal publica publico privada privado particular nacional local
grande pequeno pequena novo nova nuevo nueva viejo vieja pequeno grande municipale
publique prive privee nouvelle nouveau petit petite grand grande staatliche stadtische
offentliche private neue alte kleine grosse kleinen grossen neuen alten
royal general-purpose cardiac er a&e icu ward wards floor department dept unit team
""".split())

# Words that end an organisation's name ("greenway clinic in tenby", "... since 2019").
BOUNDARIES: frozenset[str] = frozenset("""
in on at near since because as but so or if when where who which that than then there
here with without from to by about after before until till while for this these those
now today tonight yesterday tomorrow again too also still just really very lol haha
its it's it is was were be been am are and i i'm im you he she we they me him them us
it my your his her our their moi toi lui elle nous vous eux mim ele ela nos eles elas
mich dich sich uns euch ihm ihn mir dir y e que en con desde por pero porque cuando
donde como com mas quando onde et avec depuis mais quand ou und mit seit aber als wenn
weil wo dass fur weil oder bis nach vom zum zur time times hours hour days every each
todos todas todo toda cada hoy ahora ya tambien siempre nunca muy mucho mucha poco hace
dias semana semanas anos meses mes tudo toda todos todas cada hoje agora ja tambem sempre
nunca muito muita pouco faz dias semana semanas anos meses tous toutes tout toute chaque
aujourd'hui maintenant deja aussi toujours jamais tres beaucoup peu jours semaine semaines
ans mois alle jeden jede jeder heute jetzt schon auch immer nie sehr viel wenig tage woche
wochen jahre monate seit los les heart risk peace ease large once best worst first
manha tarde noite manana noche matin soir morgen abend nacht
""".split())

# German-style compounds whose tail is a place ("marienhospital", "goethe-schule"): the
# head is the tail; the compound names a place unless its head is generic.
COMPOUND_HEADS: tuple[str, ...] = (
    "schule", "gymnasium", "klinik", "klinikum", "krankenhaus", "hospital", "apotheke",
    "kindergarten", "kita", "grundschule", "realschule", "gesamtschule",
)
GENERIC_COMPOUNDS: frozenset[str] = frozenset("""
grundschule realschule hauptschule gesamtschule berufsschule hochschule musikschule
fahrschule privatschule volkshochschule sonderschule forderschule mittelschule oberschule
abendschule sprachschule tanzschule ganztagsschule gemeinschaftsschule fachhochschule
kinderklinik uniklinik uniklinikum universitatsklinikum tierklinik zahnklinik augenklinik
kreiskrankenhaus stadtkrankenhaus kinderkrankenhaus tagesklinik privatklinik
waldkindergarten betriebskindergarten stadtapotheke internetapotheke versandapotheke
kinderkrankenhaus psychiatrie
""".split())
