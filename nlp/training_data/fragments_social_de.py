"""Authored German social-media style posts about a service (mostly rail).

Semantics (as in public feedback corpora about a rail operator): a post is a
complaint when the writer expresses *negative* sentiment about the company's
service (delays, cancellations, crowded or dirty trains, broken Wi-Fi or air
conditioning, prices, staff, ticket machines, app, strikes that hit them,
sarcasm like "danke für nichts").  A post that only *mentions* the company
(news, timetable facts, job ads, construction notices, questions, travel
plans) or praises it is not a complaint.

All lines are our own writing.  ``!`` marks a complaint.  ``{handle}``,
``{url}``, ``{city}``, ``{line}``, ``{min}`` are filled by the generator so
the model does not latch onto one station or one handle.  Intent is always
``other`` (public posts are not service requests).
"""

from __future__ import annotations

POSTS_DE: str = """
!Schon wieder {min} Minuten Verspätung, danke für nichts {handle}
!{line} fällt mal wieder aus, keine Info am Bahnsteig. Typisch.
!Zug nach {city} steht seit einer halben Stunde auf freier Strecke, keiner sagt was
!Klimaanlage im ICE kaputt, gefühlt 40 Grad im Wagen. Bahnfahren ist so eine Qual.
!Das WLAN im Zug ist mal wieder ein Witz. Nicht mal Mails laden.
!Anschluss verpasst, nächster Zug in einer Stunde. Danke Bahn.
!Wieder mal Zugausfall wegen Personalmangel. Wie soll man so pünktlich zur Arbeit kommen?
!Der Fahrkartenautomat frisst mein Geld und spuckt kein Ticket aus. Großartig.
!Sitzplatz reserviert, Wagen fehlt. Jetzt stehe ich zwei Stunden im Gang.
!Die Toiletten im Zug sind seit {city} abgeschlossen. Zumutung.
!Überfüllter Regionalzug, Leute stehen bis in die Tür. Und das jeden Morgen.
!Wie kann man für so eine Leistung die Preise schon wieder erhöhen?
!Schaffner war total unfreundlich, nur weil mein Handy-Ticket langsam lud.
!Bahn-App zeigt pünktlich an, der Zug ist aber seit 20 Minuten weg. Verlass dich drauf.
!Heute dreimal umgestiegen, dreimal Verspätung. Ich hab echt keine Lust mehr auf die Bahn.
!Streik, mal wieder. Und ich sitze in {city} fest.
!Ersatzverkehr ohne Beschilderung, niemand weiß wo der Bus abfährt. Chaos pur.
!Auf die Erstattung meiner Fahrkarte warte ich seit drei Monaten.
!Die Deutsche Bahn schafft es einfach nicht, einen Zug pünktlich fahren zu lassen.
!Im Winter friert die Weiche ein, im Sommer ist es zu heiß. Die Bahn hat immer eine Ausrede.
!Kein Bordbistro, kein Kaffee, kein WLAN. Dafür 30 Minuten Verspätung. Top.
!Ich hasse es, mit der Bahn zu pendeln. Jeden Tag das gleiche Drama.
!Zug endet außerplanmäßig in {city}. Und jetzt? Keine Durchsage, kein Personal.
!{handle} euer Kundenservice ist nicht erreichbar, Warteschleife seit 40 Minuten.
!Die S-Bahn kommt heute gar nicht. Danke für den Hinweis, den es nicht gab.
!Fahrgastrechte-Formular ausgefüllt, nie wieder was gehört. Läuft bei euch.
!Schon wieder Signalstörung. Wie alt sind eure Stellwerke eigentlich?
!Zugbindung aufgehoben heißt bei euch wohl, dass trotzdem jeder Schaffner was anderes erzählt.
!Die Sitze im neuen ICE sind unbequem und man hat null Beinfreiheit.
!Ich zahle 90 Euro für die Fahrt und bekomme einen Stehplatz neben der Toilette.
!Bahnhof ohne funktionierenden Aufzug, mit Kinderwagen keine Chance.
!Durchsage nur auf Deutsch und so leise, dass keiner was versteht.
!Heute mal wieder im Zug übernachtet, also gefühlt. Drei Stunden Verspätung.
!Mein Koffer ist auf der Fahrt verschwunden und niemand fühlt sich zuständig.
!Sparpreis gebucht, Zug fällt aus, Erstattung nur als Gutschein. Frechheit.
!Der Zug war so dreckig, dass ich mich nicht hinsetzen wollte.
!Mit dem Rollstuhl in den IC? Vergiss es, die Rampe war wieder nicht da.
!{line} hat 25 Minuten Verspätung und keiner weiß warum. Ich bin so genervt.
!Wann bekommt die Bahn das endlich in den Griff? Jeden Tag Verspätungen auf dieser Strecke.
!Die Bahn ist einfach nur noch peinlich. Im Ausland lacht man über uns.
!Sogar der Ersatzzug hat Verspätung. Unfassbar.
!Bei der Hotline wird man nur weitergeleitet und am Ende legt einer auf.
!Bahnfahren in Deutschland ist ein Glücksspiel, und ich verliere ständig.
!Die Reservierung wurde nicht angezeigt und der Zugbegleiter meinte nur: Pech gehabt.
!Mein Fahrrad durfte nicht mit, obwohl ich eine Fahrradkarte hatte.
!Ticketkontrolle im überfüllten Zug, und dann noch Strafe, weil die App abgestürzt ist.
!seit ner stunde am bahnhof und die bahn kommt einfach nicht #fail
!Zug wieder weg bevor der Anschluss da war, 5 Minuten gewartet hätten gereicht. Danke für nix.
!Ich werde nie wieder mit der Bahn in den Urlaub fahren.
!Preiserhöhung zum Fahrplanwechsel und der Service wird immer schlechter.
!Bahnsteig gewechselt, aber erst zwei Minuten vor Abfahrt angesagt. Sprint mit Koffer.
!Beim Umstieg in {city} auf den Ersatzbus gewartet, der kam nie.
!Alle Züge in Richtung {city} fallen aus, Stellwerksstörung. Bin einfach nur fertig.
!Der Zugbegleiter hat uns angeschnauzt, weil wir in der 1. Klasse nach Platz gefragt haben.
!Verspätung, Zugausfall, Schienenersatzverkehr. Mein Montag in drei Worten.
!Ganz ehrlich, die Bahn verdient keine Steuergelder, so wie die mit Kunden umgeht.
!Mein Zug hatte heute 80 Minuten Verspätung und es gab nicht einmal eine Entschuldigung.
!Fahrkartenautomat nimmt keine Karte und keine Scheine, nur Münzen. Im Jahr 2025.
!die bahn kriegts einfach nicht hin. heute wieder 40 min zu spät zur arbeit
!Stundenlang im Zug ohne Strom und Licht, nach einer Panne. Keine Information.
!Der Zug hält nicht in {city}, obwohl es im Fahrplan steht. Wie soll ich jetzt heimkommen?
!Züge ohne Heizung im Januar. Ich friere seit einer Stunde.
!Mit der Bahn wäre ich schneller zu Fuß gewesen.
!Kaum fällt eine Schneeflocke, bricht bei der Bahn alles zusammen.
!Das Personal am Schalter war genervt und hat mich einfach stehen lassen.
!Der ICE war so voll, dass sie am Bahnhof Leute rausgeholt haben. Völlig unorganisiert.
!Handyempfang im Zug gibt es praktisch nicht, arbeiten kann man vergessen.
!Wer plant eigentlich diese Baustellen? Ein Monat Vollsperrung ohne vernünftigen Ersatz.
!Ich bin Pendler und zahle jeden Monat viel Geld für einen Zug, der zur Hälfte ausfällt.
!Das Bahnchaos nervt einfach nur noch.
!Warum bekommt man bei der Bahn nie eine klare Auskunft?
!Streik hin oder her, die Kunden sind am Ende die Dummen.
!Im Nachtzug war das Abteil dreckig und die Tür ließ sich nicht abschließen.
!Bahncard abgelaufen und automatisch verlängert, ohne Erinnerung. Abzocke.
!Mal wieder Lokführerstreik, mal wieder komme ich nicht nach Hause.
Bahn plant neue Verbindungen zwischen {city} und Berlin ab Dezember.
Die Deutsche Bahn stellt heute ihre Halbjahreszahlen vor.
Tarifverhandlungen zwischen Bahn und Gewerkschaft gehen in die nächste Runde.
Neue ICE-Strecke soll die Fahrzeit nach {city} um 20 Minuten verkürzen.
Bahn investiert Milliarden in die Sanierung von Brücken und Gleisen.
Ab morgen Bauarbeiten zwischen {city} und Hannover, Fahrplanänderungen beachten.
Die Bahn sucht Lokführer und Fahrdienstleiter, Bewerbung online möglich.
Fahrplanwechsel am Sonntag: Das ändert sich für Pendler in der Region.
Gewerkschaft und Bahn einigen sich auf neuen Tarifvertrag.
Nach dem Unwetter ist die Strecke wieder freigegeben.
Ab heute gibt es im Regionalverkehr ein neues Ticket für Schüler.
Bahnchef kündigt Modernisierung der Bahnhöfe an.
Sitze im Zug nach {city}, morgen Meeting, dann zurück.
Gleich mit der Bahn nach {city}, hat jemand Tipps für ein Café am Bahnhof?
Gibt es im ICE eigentlich Steckdosen an jedem Platz?
Weiß jemand, ob man mit dem Deutschlandticket auch den IC nutzen darf?
Wie lange gilt eigentlich eine Fahrkarte mit aufgehobener Zugbindung?
Zug pünktlich, Kaffee gut, Platz am Fenster. Heute passt alles.
Danke an die nette Zugbegleiterin, die mir mit dem Koffer geholfen hat!
Erstaunlich: ICE auf die Minute pünktlich in {city} angekommen.
Das neue Bordbistro ist echt gut, Kompliment.
Schnelle Erstattung über die App, hat nur zwei Tage gedauert. Gerne wieder.
Nachtzug nach Wien war super, gut geschlafen und pünktlich da.
Ich fahre lieber Bahn als Auto, da kann ich wenigstens lesen.
Heute mit der Bahn zum Konzert nach {city}, freu mich!
Die Bahn verlängert das Angebot für Familien in den Sommerferien.
Neue Fahrradabteile im Regionalverkehr ab nächstem Jahr.
Bahn testet autonome Züge auf einer Strecke im Erzgebirge.
Bericht: Pünktlichkeit im Fernverkehr im Oktober leicht verbessert.
Video: So sieht der neue ICE von innen aus {url}
{handle} Wann fährt morgen der erste Zug nach {city}?
{handle} Kann ich mein Fahrrad im ICE mitnehmen?
Kurze Frage an alle Pendler: Lohnt sich die Bahncard 50?
Auf dem Weg nach {city}, die Landschaft ist echt schön.
Bahnhof {city} wird ab Montag umgebaut, Eingang Nord gesperrt.
Polizei sucht Zeugen nach Vorfall in der S-Bahn.
Die Bahn-Aktie? Gibt es nicht, die Bahn gehört dem Bund.
Interview mit dem Bahnvorstand über die Zukunft der Schiene {url}
Ich sitze im Zug und schreibe meine Hausarbeit, produktiver als zu Hause.
Zugfahren mit Kindern: unsere Tipps für die lange Reise.
Sonderzug zum Fußballspiel nach {city} am Samstag.
Fundbüro der Bahn hat meinen Schal gefunden, danke!
Morgen Abfahrt 6:12 in {city}, wer fährt mit?
Die Bahn hat heute eine neue App-Version veröffentlicht.
Neue Studie vergleicht Bahnpreise in Europa.
Der Bahnhof wurde renoviert und sieht jetzt richtig gut aus.
Freundliches Personal am Schalter, hat mir die beste Verbindung rausgesucht.
Zum ersten Mal 1. Klasse gefahren, sehr angenehm.
Die Strecke nach {city} wird elektrifiziert, Baubeginn im Frühjahr.
RT {handle}: Ab Montag neue Verbindungen im Regionalverkehr {url}
#Bahn Pressemitteilung: Mehr Züge zwischen {city} und Frankfurt {url}
Bahn und Verkehrsverbund stellen gemeinsames Ticket vor.
Mit dem Zug durch die Alpen, einfach traumhaft.
Endlich WLAN in der S-Bahn, klappt sogar ganz gut.
Umstieg in {city} hat super geklappt, Anschlusszug hat gewartet.
"""

SLOTS_SOCIAL: dict[str, list[str]] = {
    "handle": ["@DB_Bahn", "@DB_Info", "@bahn", "@Bahnfahrer", "@SBahn", "@VRR", ""],
    "url": ["https://t.co/a8Xk2L", "https://t.co/Qm3pZ9", "http://bit.ly/2xYz", "https://t.co/Zz81wE"],
    "city": ["Köln", "Hamburg", "München", "Frankfurt", "Leipzig", "Dortmund", "Stuttgart", "Kassel",
             "Hannover", "Nürnberg", "Bremen", "Mannheim", "Würzburg", "Fulda"],
    "line": ["Der RE 5", "Die S3", "Der ICE 578", "Der IC nach Norddeich", "Die RB 27", "Die S-Bahn",
             "Der RE nach Aachen", "Der ICE 1021"],
    "min": ["20", "35", "45", "60", "90", "25", "50"],
}

# Fragments that turn a post into tweet / forum shape.
PREFIXES: list[str] = ["", "", "", "RT {handle}: ", "Re: Bahn ", "{handle} ", "Re: Pendler-Forum "]
SUFFIXES: list[str] = ["", "", "", " #bahn", " #db", " {url}", " #DeutscheBahn"]
SUFFIXES_NEG: list[str] = [" 😡", " #Verspätung", " 🙄", " #fail", " -.-", "!!"]
SUFFIXES_POS: list[str] = [" 👍", " :)", " #pendeln", " 🚆"]
