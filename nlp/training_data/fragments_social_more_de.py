"""Second batch of authored German public posts about transport and services.

Same semantics as ``fragments_social_de`` (written from the label definition
"relevant + negative sentiment = complaint"): a post is a complaint when it
expresses negative sentiment about the operator's service -- including a
report or headline about a disruption, a price rise, an accident or a strike
that hits passengers.  Neutral mentions (timetables, plans, questions, jokes,
travel diaries, job ads, statistics, announcements of new services) and
praise are not complaints.  Registers: tweets (handles, hashtags, links,
lower case, emojis), forum posts, headlines, short news snippets.

The first batch had more complaints than neutral posts and the model
flagged about two thirds of all public posts; this batch leans to neutral
and positive posts, including ones that name delays or construction in a
purely informational way.  All lines are our own writing; ``!`` marks a
complaint; slots as in ``fragments_social_de.SLOTS_SOCIAL``.
"""

from __future__ import annotations

POSTS_DE: str = """
Morgen früh mit dem ICE nach {city}, Sitzplatz ist reserviert.
Bin gerade in {city} angekommen, jetzt erstmal Kaffee.
Sitze im Zug und höre Podcasts, so lässt sich die Fahrt aushalten.
Wer fährt am Wochenende mit nach {city}? Gruppenticket lohnt sich.
{handle} Gibt es im IC nach {city} ein Bordbistro?
{handle} Bis wann kann ich meine Sitzplatzreservierung noch ändern?
{handle} Hallo, gilt mein Ticket auch für die S-Bahn zum Flughafen?
{handle} Fährt der RE heute wie geplant?
{handle} Danke für die schnelle Antwort!
{handle} Alles klar, danke für die Info.
Wie komme ich am besten vom Hauptbahnhof zur Messe in {city}?
Welche App nutzt ihr für Bahnverbindungen?
Kann man im Nachtzug eigentlich duschen?
Deutschlandticket gekauft, mal sehen wie oft ich es nutze.
Das Deutschlandticket lohnt sich für mich schon nach zwei Fahrten.
Ab Dezember fährt der RE stündlich nach {city}.
Neuer Fahrplan ab Sonntag: Mehr Verbindungen am Abend.
Die Bahn stellt neue Doppelstockzüge für den Regionalverkehr vor.
Bahnhof {city}: Neue Fahrradstation eröffnet.
Die Bahn will bis 2030 mehr Strecken elektrifizieren.
Infrastruktur: Bund gibt zusätzliche Mittel für die Schiene frei.
Bahnchef stellt Strategie für den Güterverkehr vor {url}
Die Zahl der Fahrgäste im Fernverkehr ist im Sommer gestiegen.
Pressemitteilung: Neue Direktverbindung {city} - Paris ab Juni {url}
Wegen Bauarbeiten fahren die Züge am Wochenende nach geändertem Fahrplan, Details in der App.
Hinweis: Zwischen {city} und Köln wird nachts gebaut, tagsüber fahren alle Züge.
Ab Montag neue Haltestelle für den Ersatzbus am Bahnhofsvorplatz.
Die S-Bahn fährt ab heute wieder im 10-Minuten-Takt.
Bahn sucht Azubis: Infotag am Samstag im Ausbildungszentrum {city}.
Stellenanzeige: Zugbegleiter (m/w/d) in {city} gesucht {url}
Die Bahn und das Land unterzeichnen Vertrag für neue Regionalzüge.
Messe in {city}: Bahn setzt zusätzliche Züge ein.
Zum Oktoberfest fahren mehr S-Bahnen.
Modellbahn-Ausstellung am Wochenende im Bahnhof {city}.
Mein Sohn will Lokführer werden, seit wir im Führerstand gucken durften.
Im Speisewagen gibt es jetzt vegane Currywurst.
Habe heute meine Bahncard 100 abgeholt.
Fahrkarte am Automaten gekauft, ging schneller als gedacht.
Im Zug getroffen: eine alte Schulfreundin. Schöner Zufall.
Zugfahrt nach {city} genutzt, um endlich mein Buch fertig zu lesen.
Ich pendle seit zehn Jahren mit dem Zug nach {city}.
Die Strecke am Rhein entlang ist die schönste in ganz Deutschland.
Reisetipp: mit dem Zug an die Ostsee, ohne Stau.
Heute ist der neue ICE zum ersten Mal in {city} eingefahren.
Bahnhofsmission {city} sucht ehrenamtliche Helfer.
Ein Jahr Deutschlandticket: eine Bilanz {url}
Bahn-Tochter übernimmt Busverkehr in der Region.
Wie viel CO2 spart eine Bahnfahrt im Vergleich zum Flug? {url}
Fahrplanauskunft jetzt auch per Sprachassistent.
Zugfahren ist für mich die entspannteste Art zu reisen.
Super Service heute in der Lounge in {city}, danke!
Zugbegleiter hat extra gewartet, bis alle eingestiegen waren. Danke!
Pünktlich, sauber, freundlich. So macht Bahnfahren Spaß.
Heute lief alles glatt, Anschluss in {city} problemlos erreicht.
Lob an das Team im Reisezentrum {city}, sehr kompetente Beratung.
Die neuen Sitze im Regionalexpress sind echt bequem.
Erstattung kam schnell und ohne Diskussion. Danke {handle}
Mit dem Sparpreis für 19,90 nach {city}, unschlagbar.
Endlich gibt es Steckdosen an jedem Platz im IC. 👍
Danke an den Lokführer, der trotz Schnee pünktlich war.
Die Durchsagen im neuen ICE sind klar und freundlich.
Bahnfahrt mit Hund hat problemlos geklappt.
Kinderabteil im ICE ist eine tolle Sache für Familien.
Der umgebaute Bahnhof in {city} ist richtig schön geworden.
Wenn die Bahn pünktlich ist, ist sie unschlagbar.
Ich war skeptisch, aber die Fahrt im Nachtzug war wirklich erholsam.
Schön, dass es wieder ein Bordrestaurant gibt.
Heute ausnahmsweise mal alles pünktlich, so kann der Tag beginnen 😊
Liebe Grüße aus dem ICE nach {city}!
Gleich geht's los: Abfahrt 8:15 Gleis 7 🚆
RT {handle}: Tipps für entspanntes Reisen in den Ferien {url}
#Bahn Die wichtigsten Fragen zum neuen Ticket beantwortet {url}
Interview: Wie die Bahn pünktlicher werden will {url}
Kommentar: Die Schiene braucht mehr Investitionen {url}
Wusstet ihr, dass es in {city} einen Bahnhof mit eigenem Kino gibt?
Podcast-Folge über die Geschichte der Eisenbahn in Deutschland {url}
Die Bahn testet Sitzplatzanzeige in Echtzeit.
Fundsache im Zug abgegeben, hoffe es meldet sich jemand.
Ich nehme morgen den Zug um 7, schaffe ich das bis {city}?
Weiß jemand, ob der ICE in {city} am Gleis 9 oder 10 hält?
Frage an Pendler: Welches Abo ist für {city} am günstigsten?
Kann man bei der Bahn auch mit PayPal bezahlen?
Meine Oma fährt zum ersten Mal allein Zug. Drückt die Daumen!
Bahn bietet ab sofort kostenloses WLAN in Regionalzügen in Bayern.
Umfrage: Mehrheit der Deutschen wünscht sich mehr Nachtzüge.
Bahnstreik beendet, ab morgen fahren alle Züge wieder nach Plan.
Nach der Sperrung ist die Strecke nach {city} seit heute wieder offen.
!Bahnstreik: Pendler stehen an den Bahnhöfen, nichts geht mehr.
!Zugausfall auf der Strecke nach {city}, Fahrgäste sitzen stundenlang fest.
!Oberleitungsschaden: Fernverkehr zwischen {city} und Hannover eingestellt, massive Verspätungen.
!Wieder Chaos bei der Bahn: Hunderte Züge fallen wegen Sturm aus.
!Fahrgastverband kritisiert Unpünktlichkeit der Bahn scharf.
!Bahn erhöht erneut die Ticketpreise, Verbraucherschützer empört.
!Unfall am Bahnübergang, Strecke gesperrt, Reisende warten auf Ersatzbusse.
!Pünktlichkeit im Fernverkehr auf Rekordtief.
!Nur noch jeder zweite ICE kommt pünktlich an.
!Kunden beschweren sich über überfüllte Züge und fehlende Sitzplätze.
!ICE bleibt im Tunnel liegen, Fahrgäste sitzen ohne Klimaanlage fest.
!Mein Zug hatte 2 Stunden Verspätung und das Bordbistro war zu.
!Das ist jetzt die vierte Verspätung diese Woche. Ich kann nicht mehr.
!Hey {handle}, wo bleibt der Zug? Seit 30 Minuten nichts, keine Anzeige.
!{handle} warum wird der Zug ohne Grund gestrichen?
!{handle} Euer Automat ist schon wieder kaputt.
!{handle} die Reservierung war wieder nicht angezeigt, super Service 🙄
!Bahn-Chaos am Morgen, alle kommen zu spät.
!Totaler Stillstand im Bahnverkehr nach Kabeldiebstahl.
!Klimaanlage ausgefallen, Fahrgäste klagen über Hitze im ICE.
!Wieder einmal Ersatzverkehr statt Zug. Die Bahn nervt.
!Die Bahn lässt ihre Kunden im Regen stehen, wortwörtlich.
!Wegen Personalmangel fallen heute wieder Züge aus, das ist keine Ausnahme mehr.
!Ich zahle für die 1. Klasse und sitze im Gang. Danke Bahn.
!Nächster Halt: Verspätung.
!Pendeln mit der Bahn ist ein Albtraum.
!boah die bahn schon wieder
!zug fällt aus. mal wieder. nix neues
!wieso kommt die s-bahn nie pünktlich
!Stehe seit 40 Minuten am Gleis, der Zug wird immer später angezeigt.
!Zug zu spät, Anschluss weg, Termin verpasst. Vielen Dank auch.
!Kein Zug, keine Info, kein Personal. Willkommen bei der Bahn.
!Bahnhof {city}: Aufzüge seit Wochen defekt, Rollstuhlfahrer kommen nicht aufs Gleis.
!Warum ist Bahnfahren teurer als Fliegen? Das ist doch absurd.
!Schon wieder Baustelle, schon wieder eine Stunde länger unterwegs.
!Unfassbar, wie schlecht die Kommunikation bei Störungen ist.
!Rückerstattung abgelehnt, obwohl der Zug ausgefallen ist. Frechheit.
!Die Bahn hat mein Vertrauen endgültig verloren.
!Weichenstörung in {city}, Züge stauen sich, keiner weiß wie lange.
!Der Regionalverkehr in unserer Region ist eine einzige Katastrophe.
!Zugtoilette defekt, Bistro geschlossen, Heizung aus. Drei Stunden Fahrt.
"""

# Third batch: beyond the rail operator -- public posts about other transport
# and service companies (airports, airlines, local transit, parcel services,
# telecoms, energy suppliers, banks), same semantics.  More neutral and
# positive mentions than complaints, as in public feedback streams.
POSTS_DE_3: str = """
Morgen geht's mit dem Flieger nach Mallorca, endlich Urlaub!
Der Flughafen {city} bekommt ein neues Terminal.
Neue Buslinie verbindet ab Montag die Innenstadt mit dem Klinikum.
Die Stadtwerke {city} informieren über neue Tarife ab Januar.
Paket ist angekommen, hat alles super geklappt.
Der Paketbote war heute schon um 9 da, sehr gut.
Neuer Handyvertrag abgeschlossen, Beratung im Laden war top.
Glasfaser ist endlich da, 500 Mbit laufen stabil.
Mein Stromanbieter hat mir eine Gutschrift geschickt, netter Jahresbeginn.
Die Sparkasse eröffnet eine neue Filiale in der Altstadt.
Die Verkehrsbetriebe suchen Busfahrerinnen und Busfahrer.
Ab heute gilt der Winterfahrplan im Stadtverkehr.
Wie lange vorher muss man am Flughafen sein?
Kennt jemand einen guten Handytarif mit viel Datenvolumen?
Welcher Stromanbieter ist gerade am günstigsten?
Ich habe meinen Zählerstand online gemeldet, ging ganz fix.
Die Straßenbahn fährt jetzt bis zum Stadion.
Kurze Info: Die Linie 5 fährt heute Umleitung über den Marktplatz.
Fahrradverleih am Bahnhof ist jetzt per App buchbar.
Lufthansa fliegt ab Sommer wieder direkt nach {city}.
Der neue Tarif der Verkehrsbetriebe im Überblick {url}
Heute Abend Infoveranstaltung zur neuen Tramlinie im Rathaus.
Mein Paket wird heute zugestellt, laut App zwischen 10 und 12 Uhr.
Handy bestellt, morgen soll es kommen.
Busfahrer hat extra auf mich gewartet, danke!
Der Service im Flugzeug war richtig gut.
Kundenservice hat sofort geholfen, Problem nach fünf Minuten gelöst.
Die Hotline war heute überraschend schnell erreichbar.
Ich bin mit meinem Internetanbieter eigentlich sehr zufrieden.
Das neue Online-Banking ist übersichtlich und schnell.
Bei der Post war heute keine Schlange, Rekord!
Die Umstellung auf den neuen Stromzähler hat problemlos geklappt.
Fahrplan der Fähre nach Sylt für den Sommer ist online.
Im Bus gibt es jetzt USB-Anschlüsse.
Für alle Pendler: Ab morgen neue Expressbuslinie nach {city}.
Wir fliegen zum ersten Mal mit Kind, habt ihr Tipps?
Meine Bank hat mir beim Umzug sehr geholfen.
Neue Ladesäulen für E-Autos am Bahnhof {city}.
Heute Tag der offenen Tür bei den Stadtwerken.
Der Flughafen {city} meldet Passagierrekord im Sommer.
Wer kennt sich mit Fahrgastrechten bei Flugverspätung aus?
Die Telekom baut das Mobilfunknetz in unserer Region aus.
Ich warte auf ein Paket aus China, mal sehen wann es kommt.
Kurze Frage: Kann man beim Stromvertrag den Abschlag selbst anpassen?
Die Tankstelle um die Ecke hat jetzt rund um die Uhr geöffnet.
Neue Preisliste für Briefe und Pakete ab Juli {url}
Der Bus war heute pünktlich und sauber, so soll es sein.
Sehr nette Flugbegleiter, angenehmer Flug nach {city}.
!Flug gestrichen, keine Info, keine Hotelgutscheine. Danke für nichts.
!Koffer nach dem Flug verschwunden, seit Tagen keine Antwort.
!Paketbote klingelt nicht und wirft nur den Zettel ein. Jedes Mal.
!Mein Paket liegt seit einer Woche im Verteilzentrum. Was ist da los?
!Internet seit drei Tagen weg und der Anbieter vertröstet mich.
!Hotline des Mobilfunkanbieters: 50 Minuten Warteschleife, dann aufgelegt.
!Stromanbieter erhöht schon wieder die Preise. Das ist Abzocke.
!Der Bus ist einfach an der Haltestelle vorbeigefahren.
!Die Straßenbahn fällt schon wieder aus, keiner sagt warum.
!Sicherheitskontrolle am Flughafen {city}: zwei Stunden Schlange, Flug fast verpasst.
!Bank hat meine Karte gesperrt, ohne mich zu informieren. Stand dumm an der Kasse.
!Seit Wochen versuche ich, meinen Vertrag zu kündigen, keiner reagiert.
!Der Techniker kam nicht, obwohl ich mir extra freigenommen habe.
!Handy nach drei Monaten kaputt und die Reparatur dauert sechs Wochen.
!Schon wieder eine Mahnung, obwohl ich längst bezahlt habe. Nervt.
!Das Kundenportal ist ständig offline.
!Die Gasrechnung ist doppelt so hoch wie letztes Jahr und niemand kann es erklären.
!Was ist eigentlich los bei der Post? Drei Briefe sind nie angekommen.
!Busse im Berufsverkehr sind so voll, dass man an der Haltestelle stehen bleibt.
!Flug drei Stunden verspätet, im Terminal gab es nicht mal Wasser.
"""

# Fourth batch: rail again (the first two rail batches helped German
# complaint ranking most), more irony, longer forum/news posts and more
# neutral posts that use disruption words informationally.
POSTS_DE_4: str = """
!Vielen Dank liebe Bahn für die tägliche Extraportion Wartezeit.
!Wagenreihung mal wieder umgekehrt, alle rennen mit Koffern über den Bahnsteig.
!Zugteilung in {city} nicht angesagt, jetzt sitze ich im falschen Zugteil.
!Gleiswechsel in letzter Minute, ältere Leute hatten keine Chance.
!Die Bahn schafft es, aus 2 Stunden Fahrt 4 zu machen. Respekt.
!Mein ICE hat heute eine kleine Sightseeingtour gemacht. Umleitung, 70 Minuten später.
!Stuttgart 21 wird immer teurer und die Pendler zahlen die Zeche.
!Bonuszahlungen für den Bahnvorstand, während die Züge verrotten. Unglaublich.
!Reservierung bezahlt, Wagen 12 gibt es heute nicht. Geld zurück? Fehlanzeige.
!Die Bahn-App zeigt Verbindungen an, die es gar nicht gibt.
!Komfort-Check-in geht mal wieder nicht. Schaffner zuckt nur mit den Schultern.
!Fahrgäste mussten eine Stunde im stehenden Zug ohne Klimaanlage ausharren.
!Jeden Tag das gleiche: Verspätung wegen Verzögerungen im Betriebsablauf. Was soll das überhaupt heißen?
!Verzögerung im Betriebsablauf, die Lieblingsausrede der Bahn.
!Der Zug ist so voll, dass nicht mal mehr die Türen zugehen.
!Wer bei der Bahn eine Fahrkarte kauft, kauft eine Wundertüte.
!Ersatzbus fährt 20 Minuten zu früh ab, alle stehen ratlos da.
!In der S-Bahn riecht es, als wäre seit Jahren nicht geputzt worden.
!Rolltreppen am Bahnhof {city} seit Monaten außer Betrieb.
!Kein Empfang, kein WLAN, keine Steckdose. Arbeiten im ICE ist ein Witz.
!Heute Morgen wieder 3 Züge hintereinander ausgefallen. Ich bin so sauer.
!Der Lokführerstreik trifft wieder die Falschen.
!Bahnfahren ist zur Lotterie geworden.
!Ich wollte nur nach Hause. Jetzt hänge ich seit zwei Stunden in {city} fest.
!Der Zug steht, die Klimaanlage läuft nicht, Fenster gehen nicht auf. Herrlich.
!Ich warte seit Monaten auf die Entschädigung für den ausgefallenen Zug.
!{handle} Warum gibt es im ganzen Zug nur eine funktionierende Toilette?
!{handle} schon wieder kein Bordrestaurant, auf einer 5-Stunden-Fahrt.
!{handle} Zug 15 Minuten zu früh abgefahren, ich stand am Gleis.
!Die Bahn hat heute einen neuen Rekord aufgestellt: 120 Minuten Verspätung.
!Pendler in {city} sind stinksauer über die ständigen Zugausfälle.
!Bahn streicht Verbindungen im ländlichen Raum, Kritik von Bürgermeistern.
!Fahrgastverband: Service der Bahn wird immer schlechter.
!Die Sanierung der Strecke dauert nochmal zwei Jahre länger. Schöne Aussichten.
!Mit 80 Euro für die einfache Fahrt ist die Bahn für Familien unbezahlbar.
!Die Sitzplätze im neuen ICE sind viel zu eng.
!ich könnt echt kotzen, zug wieder weg
!bahn du nervst
!warum fährt hier eigentlich nie was pünktlich
Bahn: Pünktlichkeit im Regionalverkehr liegt bei 91 Prozent.
Bahn bestellt 100 neue ICE-Züge bei Siemens.
Neuer Bahnhofsvorsteher in {city} stellt sich vor.
Der Aufsichtsrat der Bahn tagt heute in Berlin.
Die Bahn verlängert den Vertrag mit dem Bahnchef.
Bahn und Bund diskutieren über die Finanzierung des Schienennetzes.
Wie viele Züge fahren eigentlich täglich durch {city}? Über 800!
Bin gespannt auf die neue Strecke, soll ja 30 Minuten schneller sein.
Fahre seit Jahren jeden Tag mit der S-Bahn und bin ganz zufrieden.
Ich fahr trotzdem lieber Zug als im Stau zu stehen.
Der ICE Sprinter nach {city} ist richtig schnell.
Zugbegleiter war super entspannt, als ich das falsche Ticket hatte. Danke!
Endlich kann man das Ticket auch im Zug digital kaufen.
Heute Ruhebereich erwischt, herrlich still.
Bahnhof {city} ist nach der Renovierung ein echtes Schmuckstück.
{handle} vielen Dank für die Hilfe am Schalter heute!
{handle} Top, danke für die schnelle Rückmeldung zur Erstattung.
{handle} Wo finde ich die Wagenreihung für morgen?
{handle} Kann ich meine Bahncard auch digital in der App nutzen?
{handle} Hat der ICE nach {city} ein Familienabteil?
Bahnfahren mit dem Deutschlandticket: Ein Selbstversuch {url}
Was kostet eigentlich eine Bahncard 25 für Studenten?
Reisebericht: Mit dem Zug von {city} nach Rom {url}
Pendeln mit Kind und Kegel: So klappt die Zugfahrt entspannt.
Der Zug ist heute angenehm leer, ich hab einen ganzen Vierer für mich.
Sonnenuntergang aus dem Zugfenster, manchmal ist Pendeln schön.
Morgens Zeitung lesen im Zug, mein Ritual.
Wochenende! Gleich in den Zug nach {city} zu den Eltern.
RT {handle}: Neue Sitzplatzreservierung per App, so geht's {url}
#Bahn Neue Fernverkehrsverbindungen im Fahrplan 2025 {url}
Umfrage unter Pendlern: Was wünscht ihr euch von der Bahn?
Diskussion im Pendlerforum: Welche Reihe im ICE ist die ruhigste?
Mal eine Frage an die Bahnexperten: Wie funktioniert die Zugteilung in Hamm?
Die Bahn-Museumsnacht in {city} war ein tolles Erlebnis.
"""
