"""German conversation scripts of the demo mailbox (private and business customers).

Written as data so that the stories can be read top to bottom like a mailbox.
Agent steps hold only the core of the answer: greeting, closing formula,
company signature and the quote of the previous mail are added by
:mod:`hub.demo.mailbox`.  Customer steps are written complete (typos included
on purpose); the person's signature is appended if they have one.
"""

from __future__ import annotations

from hub.demo.scenarios import A, C, Thread

T = Thread

THREADS_DE: tuple[Thread, ...] = (
    # ------------------------------------------------------------------ Meier
    T("meier-abschlag", "meier", "Abschlag viel zu hoch!", "2026-06-02 21:14", "hansen", (
        C(0, """
            Sehr geehrte Damen und Herren,

            heute kam Ihr Schreiben, dass mein monatlicher Abschlag für Strom ab Juli von 68 € auf 112 € steigen soll. Das sind über 60 Prozent mehr! Mein Verbrauch ist nicht gestiegen, eher im Gegenteil, wir sind seit März nur noch zu zweit im Haushalt.

            Ich bitte um eine nachvollziehbare Erklärung und um Korrektur des Abschlags. Zählerstand von heute: 48213 kWh.

            Mit freundlichen Grüßen
        """),
        A(40, """
            vielen Dank für Ihre Nachricht und den aktuellen Zählerstand.

            Die Anpassung Ihres Abschlags ergibt sich aus zwei Punkten: Zum 01.07.2026 ändert sich der Arbeitspreis Ihres Tarifs „Nordlicht Strom Basis" (wir hatten Sie hierzu mit Schreiben vom 12.05.2026 informiert), und die Hochrechnung basiert auf Ihrem Verbrauch der letzten Abrechnungsperiode von 3.410 kWh.

            Mit Ihrem neuen Zählerstand habe ich die Hochrechnung aktualisiert. Ihr neuer Abschlag beträgt ab Juli 94 € statt 112 €. Eine Bestätigung erhalten Sie in den nächsten Tagen per Post.

            Wenn Sie den Abschlag künftig selbst anpassen möchten, geht das jederzeit im Kundenportal unter „Verträge > Abschlag".
        """),
        C(20, """
            Hallo Herr Hansen,

            94 € ist immer noch viel zu viel. Ich habe letztes Jahr 2.900 kWh verbraucht, nicht 3.410, das steht sogar auf Ihrer eigenen Rechnug vom Januar. Und von einem Schreiben vom 12.05. weiß ich nichts, das habe ich nie bekommen.

            Im Kundenportal kann ich den Abschlag übrigens NICHT ändern, da kommt nur „Diese Funktion steht für Ihren Vertrag derzeit nicht zur Verfügung".

            Bitte setzen Sie den Abschlag auf 75 € und schicken Sie mir das Preisänderungsschreiben nochmal zu.

            Gruß
        """),
        A(70, """
            entschuldigen Sie bitte die späte Rückmeldung.

            Sie haben recht: In der Jahresabrechnung vom 14.01.2026 ist ein Verbrauch von 2.897 kWh ausgewiesen. Die 3.410 kWh stammen aus einer älteren Schätzung, die bei der Hochrechnung versehentlich zugrunde gelegt wurde. Das tut mir leid.

            Ich habe den Abschlag auf 78 € gesetzt – das ist der Wert, der sich mit dem neuen Arbeitspreis und Ihrem tatsächlichen Verbrauch ergibt. 75 € wären knapp zu niedrig, und ich möchte Ihnen eine hohe Nachzahlung im Januar ersparen.

            Das Schreiben zur Preisänderung finden Sie als PDF im Anhang. Dass die Abschlagsfunktion im Portal gesperrt ist, habe ich an unsere IT weitergegeben.
        """, attach=(("Preisanpassung_01-07-2026_KD-100234.pdf",
                      "Preisanpassung zum 01.07.2026\nKundennummer: KD-100234\nTarif: Nordlicht Strom Basis\n"
                      "Arbeitspreis neu: 36,84 ct/kWh (bisher 32,10 ct/kWh)\nGrundpreis unverändert: 12,90 EUR/Monat"),)),
        C(900, """
            Sehr geehrter Herr Hansen,

            ich schreibe Ihnen jetzt zum dritten Mal wegen derselben Sache. Heute wurden wieder 94 € abgebucht, nicht 78 € wie Sie mir schriftlich zugesagt haben. Ihre Bestätigung per Post ist auch nie angekommen.

            Ich habe die Lastschrift bei meiner Bank zurückgehen lassen und überweise 78 € selbst. Sollte ich dafür Mahngebühren oder Rücklastschriftgebühren sehen, werde ich das nicht hinnehmen und mich an die Verbraucherzentrale bzw. die Schlichtungsstelle Energie wenden.

            Ich erwarte diesmal eine verbindliche Antwort von jemandem, der das auch umsetzen kann.

            Mit freundlichen Grüßen
        """),
        A(19, """
            ich bin Teamleiter im Kundenservice und habe Ihren Vorgang übernommen. Zunächst: Ihr Ärger ist berechtigt, und dafür entschuldige ich mich ausdrücklich.

            Die Änderung auf 78 € wurde zwar erfasst, aber durch einen Fehler bei der Übernahme in die Zahlungsplanung nicht wirksam. Ich habe das heute persönlich korrigiert und geprüft: Ab dem 15. des nächsten Monats werden 78 € eingezogen.

            Die Rücklastschrift ist in Ordnung. Ihre Überweisung über 78 € verbuchen wir ganz normal, Gebühren fallen nicht an. Die Rücklastschriftgebühr Ihrer Bank von 3,00 € erstatten wir Ihnen, zusammen mit einer Gutschrift von 20,00 € für den Aufwand.

            Sie erreichen mich direkt unter 040 66969 101.
        """, by="brandt"),
        C(30, """
            Guten Tag Herr Brandt,

            danke, so hätte ich mir das von Anfang an gewünscht. Ich schaue mir die nächste Abbuchung an und melde mich, falls wieder was nicht stimmt.

            Gruß
        """),
    )),
    T("meier-zaehlerstand", "meier", "Zählerstand zum 30.09.", "2026-09-30 18:05", "petersen", (
        C(0, """
            Hallo,

            anbei wie gewünscht das Foto vom Stromzähler, Stand heute 49.377 kWh. Zählernummer 1ESY1160445287.

            Gruß
        """, attach=(("IMG_20260930_180211.png", "meier-zaehler"),)),
        A(16, """
            danke für das Foto! Den Zählerstand 49.377 kWh vom 30.09.2026 haben wir übernommen. Ihr Verbrauch passt gut zum neuen Abschlag von 78 €, Sie liegen ziemlich genau im Plan.
        """),
    )),
    # ---------------------------------------------------------------- Krüger
    T("krueger-umzug", "krueger", "Umzug zum 1.10. - neue Adresse", "2026-08-11 10:22", "petersen", (
        C(0, """
            Sehr geehrte Damen und Herren,

            wir ziehen zum 01.10.2026 um und ich möchte meinen Strom- und Internetvertrag gerne mitnehmen.

            Alte Adresse: Eppendorfer Weg 211, 20253 Hamburg
            Neue Adresse: Rübenkamp 34, 22307 Hamburg (2. OG links)

            Der Stromzähler in der neuen Wohnung hat die Nummer 1APA0117332109, den Stand kann ich erst bei der Schlüsselübergabe am 30.09. ablesen. Geht das mit dem Internet auch so nahtlos? Mein Mann arbeitet viel im Homeoffice und wir wären ungern eine Woche offline.

            Vielen Dank schon mal und freundliche Grüße
        """),
        A(23, """
            vielen Dank, dass Sie uns so frühzeitig Bescheid geben – das macht es viel einfacher!

            Ihren Stromvertrag melden wir zum 01.10.2026 an der neuen Adresse an. Bitte schicken Sie uns die Zählerstände der alten und der neuen Wohnung am Übergabetag einfach per Mail oder über das Kundenportal.

            Beim Internet habe ich die Verfügbarkeit am Rübenkamp 34 geprüft: Dort ist VDSL 100 verfügbar, also derselbe Tarif wie bisher. Die Umschaltung ist für den 01.10.2026 vorgemerkt. Einen Technikertermin brauchen wir nur, falls die Leitung in der Wohnung nicht funktioniert. Den Router nehmen Sie einfach mit.
        """),
        C(20, """
            Hallo Frau Petersen,

            das klingt super, danke! Eine Frage noch: Muss ich die neue Adresse auch für die Rechnung extra ändern oder passiert das automatisch? Die Post wird zwar nachgesendet, aber nur ein halbes Jahr.

            Viele Grüße
        """),
        A(5, """
            das passiert automatisch: Mit dem Umzugsauftrag ändern wir auch Ihre Rechnungs- und Postanschrift zum 01.10.2026. Sie müssen nichts weiter tun.
        """),
    )),
    T("krueger-schlussrechnung", "krueger", "Schlussrechnung Eppendorfer Weg - Zählerstand falsch",
      "2026-10-21 19:40", "hansen", (
        C(0, """
            Guten Abend,

            heute kam die Schlussrechnung für die alte Wohnung (Rechnung R-2026-0104417). Darin steht ein Zählerstand von 22.180 kWh, ich hatte Ihnen aber 21.806 kWh gemeldet, mit Foto, über das Portal am 30.09. Dadurch soll ich 142,37 € nachzahlen – das kann nicht stimmen.

            Könnten Sie das bitte prüfen?

            Danke und viele Grüße
        """),
        A(44, """
            danke für den Hinweis. Bei der Schlussrechnung wurde statt Ihrer Ablesung der Wert des Netzbetreibers verwendet, der auf einer Schätzung beruht. Ich habe die Rechnung storniert und mit Ihrem Zählerstand von 21.806 kWh neu erstellt.

            Statt einer Nachzahlung ergibt sich nun ein Guthaben von 18,90 €, das wir Ihnen in den nächsten Tagen überweisen. Die korrigierte Rechnung erhalten Sie per Post.
        """),
        C(30, """
            Vielen Dank für die schnelle Korrektur!

            Freundliche Grüße
        """),
    )),
    # ---------------------------------------------------------------- Schulz
    T("schulz-stoerung", "schulz", "Internet geht seit gestern nicht!!!", "2026-07-14 08:12", "demir", (
        C(0, """
            Hi,

            seit gestern abend ca 20 uhr geht bei mir gar nix mehr, DSL Lampe am Router blinkt nur noch. Hab schon alles rebootet, Kabel gecheckt usw. Ich arbeite im Homeoffice und muss heute um 10 in ein Meeting, gerade sitz ich im Cafe mit Hotspot vom Handy.

            Kundennummer hab ich grad nicht zur hand, Anschluss ist in der Sternstraße 17, 20357 Hamburg.

            Bitte schnell melden!!

            Kevin Schulz
        """),
        A(3, """
            danke für Ihre Nachricht – das ist natürlich ärgerlich, gerade im Homeoffice.

            Ich habe Ihren Anschluss über die Adresse gefunden (Kundennummer KD-102766). Im Bereich Sternstraße gibt es seit gestern Abend eine Störung an einem Verteiler, ausgelöst durch Tiefbauarbeiten. Die Kollegen vom Netzbetrieb sind vor Ort, die Behebung ist für heute 16 Uhr angekündigt.

            Bitte lassen Sie den Router eingeschaltet, dann synchronisiert er sich nach der Reparatur von selbst. Falls Sie heute Abend immer noch kein Internet haben, melden Sie sich gern wieder.
        """),
        C(11, """
            Hallo Frau Demir

            es ist jetzt 21 uhr und immernoch nix. DSL blinkt weiter. Hab den router auch nochmal auf Werkseinstellungen zurückgesetzt, hat nix gebracht. Was ist denn jetzt los?? Morgen hab ich wieder den ganzen Tag calls.

            LG Kevin
        """),
        A(12, """
            es tut mir leid, dass es noch nicht läuft. Die Störung am Verteiler ist seit gestern 17:40 Uhr behoben, alle anderen Anschlüsse in Ihrer Straße sind wieder online. An Ihrer Leitung sehen wir aber weiterhin keinen Sync – es gibt also zusätzlich ein Problem, das nur Ihren Anschluss betrifft.

            Durch den Reset auf Werkseinstellungen sind leider auch Ihre Zugangsdaten aus dem Router gelöscht worden. Die finden Sie im Kundenportal unter „Mein Anschluss > Zugangsdaten".

            Ich habe einen Techniker beauftragt: Termin ist morgen, Donnerstag, zwischen 8 und 12 Uhr. Bitte sorgen Sie dafür, dass jemand vor Ort ist und der Hausanschlussraum zugänglich ist.
        """),
        C(7, """
            ok danke, ich bin da. Kann man das irgendwie gutschreiben lassen? Bin jetzt 2 Tage ohne Internet und zahl ja trotzdem voll.

            LG
        """),
        A(21, """
            der Techniker hat heute einen beschädigten Anschlussdraht in der Telefondose gefunden und getauscht, Ihre Leitung synchronisiert wieder mit voller Geschwindigkeit.

            Für den Ausfall schreiben wir Ihnen anteilig die Grundgebühr für drei Tage gut (4,17 €), das sehen Sie auf der nächsten Rechnung.
        """),
        C(2, """
            Läuft wieder, alles gut 👍 danke fürs kümmern!
        """),
    )),
    T("schulz-router", "schulz", "Router upgrade / neue Fritzbox bestellen?", "2026-09-03 22:47", "petersen", (
        C(0, """
            Hey,

            kann ich bei euch auch ne neuere Fritzbox bestellen? Meine alte 7490 hat kein WiFi 6 und das WLAN ist im Schlafzimmer echt laggy. Am besten so ein Bundle mit Repeater oder Mesh. Was kostet das und kann ich das einfach online ordern?

            Kundennummer KD-102766

            Cheers
            Kevin
        """),
        A(13, """
            klar, das geht! Für Ihren Tarif können Sie die FRITZ!Box 7690 (WiFi 7) für 6,99 € im Monat mieten oder einmalig für 279 € kaufen. Einen passenden Mesh-Repeater (FRITZ!Repeater 1700) gibt es für 2,49 € im Monat dazu.

            Bestellen können Sie im Kundenportal unter „Hardware & Zubehör". Wenn Sie möchten, gebe ich die Bestellung auch direkt für Sie auf – dann schreiben Sie mir kurz, ob Miete oder Kauf.
        """),
        C(2, """
            Mach mal bitte Miete, beides. Danke!! Die alte Box schick ich dann zurück oder?
        """),
        A(10, """
            erledigt: Ihre Bestellnummer ist NL-2026-09-48812. Die Geräte werden in 2–3 Werktagen per DHL geliefert, die Sendungsnummer bekommen Sie per SMS. Die alte Box können Sie behalten, sie gehört Ihnen.
        """),
    )),
    # -------------------------------------------------------------- Hoffmann
    T("hoffmann-rueckruf", "hoffmann", "Bitte um Rückruf", "2026-06-18 09:05", "petersen", (
        C(0, """
            Sehr geehrte Damen und Herren,

            ich habe mehrmals versucht Sie anzurufen aber man hängt immer in der Warteschleife und dann bricht es ab. Mein Enkel hat mir diese E-Mail Adresse gegeben.

            Es geht um meine Rechnung. Bitte rufen Sie mich zurück, am besten vormittags, ich bin fast immer zu Hause. Telefon 040 66969 314.

            Mit freundlichen Grüßen
            Renate Hoffmann
            Kundennummer KD 100 987
        """),
        A(4, """
            vielen Dank für Ihre Nachricht, und entschuldigen Sie bitte die lange Wartezeit am Telefon.

            Ich rufe Sie gern zurück. Ich habe Sie für morgen, Freitag, den 19.06., zwischen 10 und 11 Uhr eingeplant, die Nummer 040 66969 314 habe ich notiert. Falls Ihnen der Termin nicht passt, schreiben Sie mir einfach kurz.
        """),
        C(5, """
            Sehr geehrte Frau Petersen,

            vielen Dank, morgen zwischen 10 und 11 Uhr passt sehr gut. Ich warte dann auf Ihren Anruf.

            Mit freundlichen Grüßen
            Renate Hoffmann
        """),
        A(25, """
            vielen Dank für das nette Telefonat heute. Wie besprochen fasse ich kurz zusammen:

            - Die Rechnung vom 02.06.2026 über 87,40 € ist richtig, der höhere Betrag kommt von der Jahresabrechnung (Nachzahlung 23,40 €).
            - Ihr monatlicher Abschlag bleibt bei 64 €.
            - Ab sofort bekommen Sie Ihre Rechnungen wieder per Post und nicht nur im Kundenportal.

            Wenn Sie Fragen haben, schreiben Sie mir gern wieder an diese Adresse.
        """),
    )),
    T("hoffmann-handy", "hoffmann", "Rechnung für ein Handy das ich nicht bestellt habe", "2026-10-06 10:31",
      "petersen", (
        C(0, """
            Sehr geehrte Frau Petersen,

            jetzt ist eine Rechnung gekommen mit einem Betrag von 129,90 € für ein Handy. Ich habe kein Handy bei Ihnen bestellt. Ich habe nur das Telefon zu Hause und den Strom.

            BITTE PRÜFEN SIE DAS. Ich möchte das nicht bezahlen.

            Mit freundlichen Grüßen
            Renate Hoffmann
        """),
        A(26, """
            ich habe mir das sofort angesehen: Am 28.09.2026 wurde über Ihr Kundenkonto im Internet ein Smartphone bestellt und an eine andere Adresse in Berlin geliefert. Das sieht nach einem Missbrauch Ihrer Daten aus.

            Ich habe die Bestellung storniert und die Rechnung über 129,90 € gutgeschrieben – Sie müssen nichts bezahlen. Ihr Zugang zum Kundenportal ist vorsichtshalber gesperrt, das neue Kennwort kommt per Post. Die Gutschrift finden Sie im Anhang.

            Bitte erstatten Sie außerdem Anzeige bei der Polizei, das geht auch online. Wenn Sie dabei Hilfe brauchen, rufe ich Sie gern an.
        """, attach=(("Gutschrift_G-2026-0031877.pdf",
                      "Gutschrift G-2026-0031877\nKundennummer: KD-100987\nStorno Bestellung NL-2026-09-50173\n"
                      "Betrag: -129,90 EUR"),)),
        C(30, """
            Liebe Frau Petersen,

            ich bin Ihnen sehr dankbar. Mein Enkel hilft mir bei der Anzeige. Was es alles gibt heutzutage.

            Herzliche Grüße
            Renate Hoffmann
        """),
    )),
    # --------------------------------------------------------------- Brenner
    T("brenner-kuendigung", "brenner", "Kündigung Mobilfunkvertrag – Sonderkündigungsrecht", "2026-07-02 23:18",
      "hansen", (
        C(0, """
            Sehr geehrte Damen und Herren,

            hiermit kündige ich meinen Mobilfunkvertrag (Rufnummer 0157 23125 884, Kundennummer KD-101203) außerordentlich zum nächstmöglichen Zeitpunkt.

            Mit Schreiben vom 19.06.2026 haben Sie eine Preiserhöhung von 14,99 € auf 17,99 € monatlich angekündigt. Damit steht mir ein Sonderkündigungsrecht zu, von dem ich hiermit Gebrauch mache.

            Bitte bestätigen Sie mir die Kündigung und das Vertragsende schriftlich. Die Rufnummer möchte ich zu einem anderen Anbieter mitnehmen.

            Mit freundlichen Grüßen
        """),
        A(33, """
            vielen Dank für Ihre Nachricht. Wir bedauern, dass Sie uns verlassen möchten.

            Bevor ich die Kündigung bearbeite, ein Angebot: Wir können Ihnen den bisherigen Preis von 14,99 € für weitere 24 Monate garantieren und das Datenvolumen von 10 auf 20 GB erhöhen. Möchten Sie das Angebot annehmen, genügt eine kurze Antwort auf diese Mail.

            Falls nicht, bestätigen wir Ihnen die Kündigung natürlich wie gewünscht.
        """),
        C(9, """
            Hallo Herr Hansen,

            danke, aber nein. Ich habe mich bereits für einen anderen Anbieter entschieden. Bitte bestätigen Sie einfach die Kündigung zum 31.07.2026.

            Viele Grüße
        """),
        A(20, """
            schade, aber selbstverständlich: Ihre Kündigung ist bestätigt, Ihr Mobilfunkvertrag endet zum 31.07.2026.

            Für die Mitnahme Ihrer Rufnummer 0157 23125 884 geben Sie bei Ihrem neuen Anbieter einfach Ihre Kundennummer KD-101203 und die Rufnummer an, den Rest erledigen die Anbieter untereinander. Die Portierung ist für Sie kostenlos.

            Die Schlussrechnung erhalten Sie im August.
        """),
    )),
    # ----------------------------------------------------------------- Yıldız
    T("yildiz-paket", "yildiz", "Bestellung NL-2026-08-31755 - wo bleibt mein Paket?", "2026-08-20 17:33",
      "petersen", (
        C(0, """
            Hallo,

            ich habe am 12.08. ein Samsung Galaxy A56 mit Tarif bestellt (Bestellnummer NL-2026-08-31755). Laut Bestätigungsmail Lieferung in 2-4 Werktagen. Jetzt sind 6 Werktage vorbei und ich habe weder Paket noch Sendungsnummer bekommen.

            Können Sie mal nachschauen wo das hängt?
        """),
        A(17, """
            danke für Ihre Nachricht. Ich habe nachgesehen: Ihre Bestellung wurde noch nicht versandt, weil die Prüfung Ihrer Identität (VideoIdent) noch offen ist. Die Einladung dazu ging am 12.08. an m.yildiz@gmx.net – vielleicht ist sie im Spam-Ordner gelandet?

            Ich habe Ihnen die Einladung eben noch einmal geschickt. Sobald die Prüfung abgeschlossen ist, geht das Paket am nächsten Werktag raus.
        """),
        C(3, """
            Hallo Frau Petersen,

            im Spam war nichts, aber die neue Einladung ist angekommen. VideoIdent hab ich gerade gemacht, hat geklappt.

            Danke
        """),
        A(20, """
            Ihre Bestellung ist heute versandt worden. Die Sendungsnummer lautet 00340434161094042557, Sie können das Paket auf der Seite von DHL verfolgen. Voraussichtliche Zustellung: Montag.
        """),
        C(50, """
            Paket ist da, aber es ist die falsche Farbe – ich hatte Graphit bestellt, gekommen ist Pink. Meine Frau findet es lustig, ich nicht 😅 Ich schreib Ihnen dazu gleich nochmal separat mit Foto.
        """),
    )),
    T("yildiz-falsch", "yildiz", "Falsche Farbe geliefert – Bestellung NL-2026-08-31755", "2026-08-24 13:10",
      "hansen", (
        C(0, """
            Hallo,

            wie angekündigt: Statt Galaxy A56 in Graphit (siehe Bestellung) wurde Pink geliefert. Foto vom Karton mit Aufkleber im Anhang. Das Gerät ist noch original verpackt.

            Wie läuft der Umtausch? Die SIM-Karte war separat und funktioniert, die will ich natürlich behalten.
        """, attach=(("IMG_4471.png", "yildiz-karton"),)),
        A(21, """
            vielen Dank für das Foto, damit ist alles klar – da ist uns im Lager ein Fehler passiert, entschuldigen Sie bitte.

            Wir tauschen das Gerät um: Sie erhalten ein Retourenetikett per Mail. Das Gerät in Graphit schicken wir Ihnen bereits parallel zu, damit Sie nicht ohne Handy dastehen. Die SIM-Karte und Ihr Tarif sind davon nicht betroffen.
        """),
        C(50, """
            Hallo Herr Hansen,

            das neue Handy ist angekommen, danke. Das Retourenetikett aber noch nicht. Muss ich das pinke Teil dann irgendwo abgeben?
        """),
        A(5, """
            das Retourenetikett finden Sie im Anhang. Bitte drucken Sie es aus, kleben Sie es auf den Originalkarton und geben Sie das Paket in einer DHL-Filiale oder an einer Packstation ab. Der Versand ist für Sie kostenlos.
        """, attach=(("Retourenschein_NL-2026-08-31755.pdf",
                      "Retourenschein\nBestellnummer: NL-2026-08-31755\nAbsender: Mehmet Yildiz\n"
                      "Empfaenger: Nordlicht Logistikzentrum, Retouren, 21129 Hamburg"),)),
    )),
    T("yildiz-anschluss", "yildiz", "Anschlusspreis doppelt berechnet?", "2026-10-08 18:22", "jaschke", (
        C(0, """
            Hallo,

            auf meiner ersten Mobilfunkrechnung steht zweimal „Anschlusspreis 29,99 €". Ich habe aber nur einen Vertrag. Bitte korrigieren.
        """),
        A(40, """
            danke für den Hinweis. Der zweite Anschlusspreis gehört zur Ersatzlieferung des Smartphones im August und wurde fälschlich berechnet. Ich habe Ihnen 29,99 € gutgeschrieben, der Betrag wird mit der nächsten Rechnung verrechnet.
        """),
        C(2, """
            Danke, super!
        """),
    )),
    # ---------------------------------------------------------------- Wagner
    T("wagner-tarif", "wagner", "Tarifwechsel auf Ökostrom", "2026-06-25 12:40", "petersen", (
        C(0, """
            Hallo zusammen,

            ich würde gerne von „Nordlicht Strom Basis" auf Ihren Ökostrom-Tarif wechseln. Auf der Website sehe ich „Strom Natur" und „Strom Natur Plus" – was genau ist der Unterschied, außer dem Preis? Ist beim Plus-Tarif wirklich der Ausbau von neuen Anlagen dabei oder ist das eher Marketing?

            Und: Gibt es bei einem Wechsel eine neue Mindestlaufzeit?

            Danke & viele Grüße
        """),
        A(26, """
            gute Frage, und keine reine Marketingfrage!

            Beide Tarife liefern 100 % Strom aus erneuerbaren Energien mit Herkunftsnachweisen aus Norddeutschland. Beim „Strom Natur Plus" fließen zusätzlich 1,5 Cent pro kWh in einen Fonds, der neue Bürgerwindparks und Solaranlagen in Schleswig-Holstein mitfinanziert; die geförderten Projekte veröffentlichen wir jedes Jahr in unserem Nachhaltigkeitsbericht.

            Ein Wechsel innerhalb von Nordlicht ist jederzeit zum Monatsersten möglich. Bei „Strom Natur" gibt es keine Mindestlaufzeit, bei „Strom Natur Plus" 12 Monate mit Preisgarantie.
        """),
        C(48, """
            Hallo Frau Petersen,

            ich schreibe Ihnen ab jetzt von meiner Gmail-Adresse, die Outlook-Adresse löse ich demnächst auf. Könnten Sie bitte juliawagner.privat@gmail.com als Kontaktadresse hinterlegen?

            Und ja: Bitte auf Strom Natur Plus umstellen, gerne zum 01.08.

            Viele Grüße
        """, alt=True, html=False),
        A(20, """
            erledigt: Ab 01.08.2026 beziehen Sie „Nordlicht Strom Natur Plus". Ihr Abschlag ändert sich dadurch von 71 € auf 74 €. Ihre neue E-Mail-Adresse juliawagner.privat@gmail.com ist hinterlegt, die Auftragsbestätigung geht dorthin.
        """),
    )),
    T("wagner-lob", "wagner", "Großes Lob!", "2026-09-15 20:02", "petersen", (
        C(0, """
            Hallo liebes Nordlicht-Team,

            ich möchte einfach mal Danke sagen. Letzte Woche hatte ich Ärger mit meinem Internet und Ihr Kollege Herr Hansen hat am Telefon sofort geholfen, geduldig erklärt und sogar am nächsten Tag zurückgerufen, um zu fragen ob alles läuft. Das erlebt man selten!

            Bitte richten Sie ihm das aus.

            Liebe Grüße
        """, alt=True, html=False),
        A(15, """
            wie schön, vielen Dank für Ihre netten Worte! Ich habe Ihre Nachricht an Malte Hansen weitergegeben – er hat sich sehr gefreut. Solche Rückmeldungen bekommen wir viel seltener als Beschwerden, umso mehr freuen sie uns.
        """),
    )),
    # --------------------------------------------------------------- Schmidt
    T("schmidt-gas", "schmidt", "Widerspruch Gasabrechnung 2025/26", "2026-05-26 16:48", "hansen", (
        C(0, """
            Sehr geehrte Damen und Herren,

            gegen Ihre Gasabrechnung vom 18.05.2026 (Rechnungsnr. R-2026-0077310) lege ich hiermit Widerspruch ein.

            Sie haben einen Verbrauch von 24.610 kWh abgerechnet. Das ist fast doppelt so viel wie im Vorjahr (13.200 kWh), obwohl sich an meinem Heizverhalten nichts geändert hat. Der Zählerstand von 8.874 m³ wurde offenbar geschätzt, abgelesen hat bei mir niemand. Mein tatsächlicher Zählerstand am 30.04. war 7.951 m³, ein Foto habe ich.

            Ich fordere Sie auf, die Rechnung zu korrigieren und die Nachzahlung von 1.284,66 € bis zur Klärung auszusetzen.

            Mit freundlichen Grüßen
        """),
        A(46, """
            vielen Dank für Ihren Widerspruch. Ich habe die Forderung von 1.284,66 € bis zur Klärung ausgesetzt, in dieser Zeit erfolgen keine Abbuchung und keine Mahnung.

            Um die Abrechnung zu korrigieren, benötigen wir das Foto des Zählers mit gut lesbarem Zählerstand und Zählernummer. Bitte senden Sie es als Antwort auf diese Mail.
        """),
        C(120, """
            Sehr geehrter Herr Hansen,

            anbei das Foto vom 30.04. Ich hatte Ihnen den Stand übrigens schon am 02.05. über Ihr Portal gemeldet, warum wurde er nicht verwendet?

            Mit freundlichen Grüßen
        """, attach=(("Gaszähler_30-04-2026.png", "schmidt-gas"),)),
        A(70, """
            danke für das Foto, der Zählerstand 7.951 m³ ist gut lesbar. Die Meldung vom 02.05. konnte ich in unserem System leider nicht finden.

            Ich habe die Unterlagen an die Abrechnung gegeben und die Korrektur beantragt. Die Bearbeitung dauert in der Regel 2–3 Wochen, Sie erhalten dann eine neue Rechnung.
        """),
        C(624, """
            Sehr geehrte Damen und Herren,

            seit meiner letzten Mail sind fast vier Wochen vergangen. Statt einer korrigierten Rechnung habe ich gestern eine ZAHLUNGSERINNERUNG über 1.284,66 € erhalten – obwohl Herr Hansen mir schriftlich bestätigt hat, dass die Forderung ausgesetzt ist.

            Ich setze Ihnen hiermit eine letzte Frist bis zum 10.07.2026. Sollte bis dahin keine korrigierte Rechnung vorliegen, werde ich meine Anwältin beauftragen und mich außerdem bei der Schlichtungsstelle Energie und der Bundesnetzagentur beschweren. Die dadurch entstehenden Kosten werde ich Ihnen in Rechnung stellen.

            Mit freundlichen Grüßen
        """),
        A(22, """
            ich bin Teamleiter im Kundenservice und habe Ihren Vorgang heute übernommen. Die Zahlungserinnerung hätte nicht verschickt werden dürfen, dafür bitte ich um Entschuldigung – die Aussetzung war im Forderungsmanagement nicht hinterlegt. Das ist korrigiert, die Mahnstufe ist zurückgesetzt.

            Die korrigierte Abrechnung liegt vor: Mit Ihrem Zählerstand von 7.951 m³ ergibt sich ein Verbrauch von 13.480 kWh und statt einer Nachzahlung ein Guthaben von 96,12 €. Die Rechnung geht Ihnen heute per Post und als PDF im Anhang zu.
        """, by="brandt", attach=(("R-2026-0088214_Korrektur.pdf",
                                    "Korrigierte Gasabrechnung R-2026-0088214\nersetzt R-2026-0077310\n"
                                    "Kundennummer: KD-100077\nZaehlerstand 30.04.2026: 7.951 m3\n"
                                    "Verbrauch: 13.480 kWh\nGuthaben: 96,12 EUR"),)),
    )),
    # ----------------------------------------------------------------- Jäger
    T("jaeger-kuendigung", "jaeger", "UNVERSCHÄMTHEIT – Kündigung wird ignoriert", "2026-07-21 07:55", "hansen", (
        C(0, """
            Sehr geehrte Damen und Herren,

            ich habe meinen DSL-Vertrag am 12.03.2026 fristgerecht zum 30.06.2026 gekündigt, per Einschreiben. Die Kündigungsbestätigung habe ich nie bekommen, und jetzt buchen Sie im Juli WIEDER 39,99 € ab!!

            Ich habe die Lastschrift zurückgebucht und widerrufe hiermit das SEPA-Mandat. Ich erwarte eine Bestätigung der Kündigung zum 30.06. und die Rückzahlung aller Beträge nach diesem Datum.

            Das ist eine bodenlose Unverschämtheit.

            Gruß
        """),
        A(28, """
            vielen Dank für Ihre Nachricht, ich kann Ihren Ärger nachvollziehen.

            Zu Ihrer Kundennummer liegt mir leider kein Kündigungsschreiben vom März vor. Können Sie mir bitte den Einlieferungsbeleg des Einschreibens oder eine Kopie des Schreibens schicken? Dann kläre ich das sofort.

            Den Widerruf des SEPA-Mandats habe ich vermerkt.
        """),
        C(4, """
            Den Beleg habe ich selbstverständlich. Anbei. Sendungsnummer RT 4417 0932 5DE, zugestellt am 14.03.2026 laut Sendungsverfolgung. Unterschrieben hat bei Ihnen ein „Kowalski".

            Ich erwarte jetzt eine umgehende Bestätigung.
        """, attach=(("Einlieferungsbeleg_Einschreiben.pdf",
                      "Einlieferungsbeleg Einschreiben\nSendungsnummer: RT 4417 0932 5DE\nEingeliefert: 12.03.2026\n"
                      "Empfaenger: Nordlicht Energie & Telekom GmbH, Hamburg"),)),
        C(500, """
            Sehr geehrte Damen und Herren,

            ich schreibe Ihnen jetzt zum dritten Mal. Statt einer Antwort habe ich eine Mahnung über 39,99 € plus 5,00 € Mahngebühr erhalten. Ich habe die Angelegenheit meiner Anwältin übergeben. Weitere Post bitte nur noch über sie.
        """),
        A(20, """
            ich bitte Sie vielmals um Entschuldigung. Ihr Einschreiben vom März ist bei uns eingegangen, wurde aber einem falschen Kundenkonto zugeordnet.

            Ihr DSL-Vertrag ist rückwirkend zum 30.06.2026 beendet, die Mahnung ist storniert und die Beträge für Juli werden nicht mehr eingezogen. Eine schriftliche Kündigungsbestätigung habe ich heute an Sie versandt.
        """, by="brandt"),
    )),
    T("albers-jaeger", "albers",
      "Unser Zeichen 214/26 – Hans-Peter Jäger ./. Nordlicht Energie & Telekom GmbH", "2026-08-13 11:20",
      "brandt", (
        C(0, """
            Sehr geehrte Damen und Herren,

            hiermit zeigen wir an, dass uns Herr Hans-Peter Jäger, Am Hang 4, 21465 Reinbek, mit der Wahrnehmung seiner rechtlichen Interessen beauftragt hat. Eine auf uns lautende Vollmacht fügen wir in Kopie bei.

            Unser Mandant hat den mit Ihnen geschlossenen DSL-Vertrag (Kundennummer KD-101877) mit Schreiben vom 12.03.2026 fristgerecht zum 30.06.2026 gekündigt. Der Zugang des Schreibens am 14.03.2026 ist durch den Zustellnachweis belegt. Gleichwohl haben Sie für Juli 2026 ein Entgelt von 39,99 € eingezogen und nach der Rücklastschrift eine Mahnung nebst Mahngebühr versandt.

            Wir fordern Sie auf, bis zum

            27.08.2026

            1. die Beendigung des Vertrags zum 30.06.2026 schriftlich zu bestätigen,
            2. von weiteren Forderungen Abstand zu nehmen und
            3. die Kosten unserer Inanspruchnahme in Höhe von 159,94 € zu erstatten.

            Mit freundlichen Grüßen
        """, attach=(("Vollmacht_Jaeger.pdf", "Vollmacht\nHiermit bevollmaechtige ich Albers & Partner Rechtsanwaelte\n"
                                                 "Hans-Peter Jaeger, Reinbek"),
                     ("Kostenberechnung_214-26.pdf", "Kostenberechnung 214/26\nGeschaeftsgebuehr 1,3: 114,40 EUR\n"
                                                      "Auslagenpauschale: 20,00 EUR\nUSt 19 %: 25,54 EUR\n"
                                                      "Summe: 159,94 EUR"))),
        A(48, """
            vielen Dank für Ihr Schreiben. Wir bestätigen:

            1. Der DSL-Vertrag Ihres Mandanten (Kundennummer KD-101877) ist zum 30.06.2026 beendet. Die Kündigungsbestätigung wurde am 13.08.2026 versandt; eine Kopie fügen wir bei.
            2. Die Forderung für Juli 2026 sowie die Mahngebühr sind storniert. Weitere Forderungen bestehen nicht.
            3. Das Schreiben Ihres Mandanten vom März wurde bedauerlicherweise falsch zugeordnet. Ohne Anerkennung einer Rechtspflicht erstatten wir die geltend gemachten Kosten von 159,94 €. Bitte teilen Sie uns hierfür Ihre Bankverbindung mit.
        """, attach=(("Kuendigungsbestaetigung_KD-101877.pdf",
                      "Kuendigungsbestaetigung\nKundennummer: KD-101877\nProdukt: Nordlicht DSL 100\n"
                      "Vertragsende: 30.06.2026"),)),
        C(50, """
            Sehr geehrter Herr Brandt,

            vielen Dank für die Bestätigung. Bitte überweisen Sie den Betrag auf unser Kanzleikonto:

            Albers & Partner Rechtsanwälte
            IBAN DE02 1203 0000 0000 2020 51
            Verwendungszweck: 214/26 Jäger

            Nach Zahlungseingang betrachten wir die Angelegenheit als erledigt.

            Mit freundlichen Grüßen
        """),
        A(70, """
            die Zahlung über 159,94 € wurde heute mit dem Verwendungszweck „214/26 Jäger" angewiesen. Der Betrag sollte in 1–2 Bankarbeitstagen bei Ihnen eingehen.
        """, by="jaschke"),
    )),
    # --------------------------------------------------------------- Lehmann
    T("lehmann-termin", "lehmann", "Glasfaser-Hausanschluss – Termin", "2026-09-08 14:20", "demir", (
        C(0, """
            Hallo,

            ich habe einen Glasfaservertrag bei Ihnen abgeschlossen (Auftragsnummer GF-2026-07731) und heute ein Schreiben bekommen, dass der Hausanschluss am 24.09. zwischen 7 und 16 Uhr gelegt werden soll. Das ist ein Donnerstag, da arbeite ich und kann nicht den ganzen Tag zu Hause sein.

            Gibt es die Möglichkeit, einen Termin am Samstag oder wenigstens ein kleineres Zeitfenster zu bekommen?

            Viele Grüße
        """),
        A(20, """
            danke für Ihre Nachricht. Samstagstermine bietet unser Tiefbaupartner leider nicht an. Ich kann Ihnen aber folgende Zeitfenster anbieten:

            - Dienstag, 29.09., 7–11 Uhr
            - Freitag, 02.10., 12–16 Uhr
            - Montag, 05.10., 7–11 Uhr

            Der Techniker muss in den Hausanschlussraum und an die Stelle in der Wohnung, an der das Glasfasermodem hin soll. Wenn Sie eine Vertrauensperson mit Schlüssel haben, reicht es auch, wenn diese vor Ort ist.
        """),
        C(6, """
            Freitag 02.10. von 12-16 Uhr wäre super, dann nehme ich mir den Nachmittag frei. Danke!
        """),
        A(17, """
            Ihr Termin ist gebucht: Freitag, 02.10.2026, 12–16 Uhr. Der Techniker ruft etwa 30 Minuten vorher unter 0176 23125 418 an.
        """),
        C(514, """
            Hallo Frau Demir,

            leider muss ich den Termin morgen doch verschieben, meine Tochter ist krank und ich muss mit ihr zum Kinderarzt, der hat nur nachmittags. Tut mir leid, dass das so kurzfristig ist. Geht auch der Montag 05.10. morgens noch?

            Viele Grüße
        """),
        A(3, """
            gute Besserung an Ihre Tochter! Das ist kein Problem, ich habe den Termin auf Montag, 05.10.2026, 7–11 Uhr umgebucht.
        """),
    )),
    T("lehmann-techniker", "lehmann", "Techniker war nicht da!!", "2026-10-05 13:02", "demir", (
        C(0, """
            Hallo,

            ich habe heute morgen von 7 bis 11 Uhr auf den Techniker gewartet und mir dafür extra frei genommen. Niemand ist gekommen, niemand hat angerufen. Bei der Hotline hieß es nach 25 Minuten Warteschleife, der Auftrag sei „in Bearbeitung".

            Ehrlich gesagt bin ich ziemlich sauer. Das war jetzt schon der zweite Termin. Ich möchte wissen, was da schiefgelaufen ist und wann es jetzt weitergeht.

            Gruß
        """),
        A(4, """
            das tut mir wirklich leid, und Ihr Ärger ist völlig verständlich. Der Tiefbaupartner hat den Termin wegen eines Personalausfalls abgesagt, die Information ist aber nicht bei uns angekommen und Sie wurden nicht benachrichtigt. Das darf nicht passieren.

            Ich habe mit dem Disponenten direkt einen Ersatztermin vereinbart: Mittwoch, 07.10.2026, 7–9 Uhr, als erster Termin des Tages. Als Entschädigung schreiben wir Ihnen 50 € gut. Falls der Termin nicht passt, rufen Sie mich bitte direkt an: 040 66969 131.
        """),
        C(48, """
            Der Techniker war heute pünktlich um 7:10 da und super nett, Glasfaser läuft! 1000 Mbit, wow. Danke für Ihre Hilfe, Frau Demir.

            Gruß
        """),
    )),
    # ------------------------------------------------- more private customers
    T("baumann-mahnung", "baumann", "Mahnung obwohl bezahlt", "2026-07-28 19:30", "jaschke", (
        C(0, """
            Hallo,

            heute kam eine Mahnung über 58,00 € für den Juni-Abschlag. Den habe ich aber am 16.06. überwiesen, weil die Lastschrift wegen meinem Kontowechsel nicht ging. Überweisungsbeleg hängt an.

            Kann das bitte geklärt werden? Ich möchte keine Mahngebühren zahlen für etwas das ich bezahlt habe.

            Heike Baumann
            KD-103540
        """, attach=(("Ueberweisung_16-06-2026.pdf",
                      "Ueberweisungsbeleg\nAuftraggeber: Heike Baumann\nEmpfaenger: Nordlicht Energie & Telekom GmbH\n"
                      "Betrag: 58,00 EUR\nAusfuehrung: 16.06.2026"),)),
        A(22, """
            vielen Dank für den Beleg. Ihre Zahlung ist bei uns eingegangen, konnte aber wegen eines fehlenden Verwendungszwecks nicht automatisch zugeordnet werden. Ich habe den Betrag Ihrem Kundenkonto zugeordnet und die Mahnung samt Gebühr storniert.

            Ihre neue Bankverbindung (IBAN endet auf 4471) ist inzwischen hinterlegt, die nächsten Abschläge werden wieder per Lastschrift eingezogen.
        """),
        C(3, """
            Super, danke für die schnelle Erledigung!

            Heike Baumann
        """),
    )),
    T("wolff-preis", "wolff", "Preiserhöhung Internet – ernsthaft?", "2026-10-14 21:50", "hansen", (
        C(0, """
            Guten Abend,

            Ihr Schreiben zur Preisanpassung für meinen Internetanschluss habe ich erhalten. 5 € mehr im Monat, begründet mit „gestiegenen Kosten". Ich bin seit 9 Jahren Kunde und bekomme nicht mal ein Angebot, während Neukunden 6 Monate gratis surfen.

            Ich überlege ehrlich gesagt zu wechseln. Können Sie mir ein besseres Angebot machen?

            Gruß
        """),
        A(40, """
            vielen Dank für Ihre offene Nachricht und Ihre langjährige Treue.

            Ich kann Ihnen Folgendes anbieten: Wechsel in den Tarif „Nordlicht Internet 250" (statt 100 Mbit/s) zum Preis von 39,99 € – das ist genau Ihr bisheriger Preis, also ohne die Erhöhung, bei mehr als doppelter Geschwindigkeit. Dafür gilt eine neue Mindestlaufzeit von 24 Monaten.

            Alternativ bleibt es bei Ihrem aktuellen Tarif zum neuen Preis von 44,99 € ohne Laufzeitbindung.
        """),
        C(17, """
            Hallo Herr Hansen,

            na also, geht doch. Ich nehme den 250er für 39,99 €. Bitte schicken Sie mir die Bestätigung.

            Gruß
        """),
        A(15, """
            sehr gern! Der Tarifwechsel ist beauftragt und wird zum 01.11.2026 wirksam. Die Auftragsbestätigung finden Sie im Kundenportal, per Post kommt sie zusätzlich. Die höhere Geschwindigkeit wird automatisch freigeschaltet, an Ihrem Router müssen Sie nichts ändern.
        """),
    )),
    T("koch-esim", "koch", "eSIM statt Plastik-SIM?", "2026-06-10 12:15", "petersen", (
        C(0, """
            Moin!

            Ich hab mir ein neues iPhone geholt und würde gern auf eSIM umsteigen, geht das bei euch? Und falls ja, kostet das was? Auf der Website find ich nur infos zur normalen SIM-Karte. Rufnummer ist 0152 23125 663.

            Danke & Gruß
            Oli
        """),
        A(4, """
            ja, das geht! Den eSIM-Wechsel können Sie im Kundenportal unter „Mobilfunk > SIM-Karte > eSIM bestellen" anstoßen. Sie bekommen dann einen QR-Code per Post (aus Sicherheitsgründen nicht per Mail), den Sie mit dem iPhone scannen. Der einmalige Preis beträgt 9,99 €.

            Wichtig: Sobald die eSIM aktiviert ist, funktioniert die alte Plastik-SIM nicht mehr.
        """),
        C(3, """
            Perfekt, hab's grad bestellt. Wie lange dauert das mit der Post ungefähr?
        """),
        A(18, """
            in der Regel 2–3 Werktage. Ihre Bestellung (NL-2026-06-20594) ist schon in Bearbeitung, der Brief sollte bis Samstag bei Ihnen sein.
        """),
        C(72, """
            Läuft 👍 eSIM ist aktiv. Danke!

            Oli
        """),
    )),
    T("koch-diebstahl", "koch", "SIM sperren - Handy geklaut", "2026-10-31 23:48", "petersen", (
        C(0, """
            Hallo,

            mir wurde grad auf dem Kiez das Handy geklaut. Bitte sofort SIM sperren!!! Nummer 0152 23125 663. Hotline hab ich versucht, Bandansage sagt Sperr-Hotline, aber ich hab kein anderes Telefon, schreibe vom Laptop eines Kumpels.

            Oli
        """),
        A(9.5, """
            Ihre eSIM für die Rufnummer 0152 23125 663 ist seit Sonntag, 00:20 Uhr, gesperrt – die Kollegen der Sperr-Hotline haben Ihre Mail in der Nacht gesehen. Es können keine Kosten mehr entstehen.

            Eine neue eSIM können Sie im Kundenportal bestellen; wegen des Diebstahls übernehmen wir die Gebühr von 9,99 €. Bitte erstatten Sie Anzeige bei der Polizei und sperren Sie das Gerät zusätzlich über „Wo ist?".
        """),
        C(4, """
            Ihr seid die besten. Neue eSIM bestellt. Handy ist leider weg, aber immerhin keine Kosten.

            Oli
        """),
    )),
    T("sommer-uebernahme", "sommer", "Vertrag meines verstorbenen Mannes", "2026-08-03 10:12", "petersen", (
        C(0, """
            Sehr geehrte Damen und Herren,

            mein Mann, Gerhard Sommer, ist am 14. Juli verstorben. Er hatte bei Ihnen den Strom- und Telefonvertrag für unser Haus (Kundennummer KD-100358). Ich wohne weiterhin hier und möchte die Verträge gerne auf meinen Namen übernehmen.

            Was benötigen Sie dafür von mir? Eine Kopie der Sterbeurkunde kann ich schicken.

            Mit freundlichen Grüßen
        """),
        A(24, """
            zunächst möchte ich Ihnen mein herzliches Beileid aussprechen.

            Die Übernahme der Verträge ist unkompliziert. Wir benötigen lediglich eine Kopie der Sterbeurkunde und Ihre Bankverbindung, falls die Abbuchung künftig von einem anderen Konto erfolgen soll. Die Verträge laufen zu den bisherigen Konditionen weiter, es entstehen Ihnen keine Kosten.

            Wenn Ihnen das lieber ist, können wir das auch telefonisch besprechen – nennen Sie mir einfach eine Zeit, dann rufe ich Sie an.
        """),
        C(50, """
            Sehr geehrte Frau Petersen,

            vielen Dank für Ihre freundliche Antwort. Anbei die Sterbeurkunde. Die Abbuchung kann vom selben Konto weiterlaufen, das war unser gemeinsames Konto.

            Mit freundlichen Grüßen
        """, attach=(("Sterbeurkunde_Sommer.pdf", "Sterbeurkunde (Kopie)\nStandesamt Bad Schwartau\n"
                                                   "Gerhard Sommer, verstorben am 14.07.2026"),)),
        A(28, """
            vielen Dank. Beide Verträge laufen ab sofort auf Ihren Namen, Ihre Kundennummer KD-100358 bleibt gleich. Sie erhalten in den nächsten Tagen eine schriftliche Bestätigung. Die Kopie der Sterbeurkunde haben wir nach der Bearbeitung gelöscht.
        """),
    )),
    T("hartmann-hotline", "hartmann", "Hotline eine Katastrophe", "2026-09-22 17:55", "petersen", (
        C(0, """
            Hallo,

            ich versuche seit drei Tagen, jemanden bei Ihrer Hotline zu erreichen. Gestern 47 Minuten in der Wartschleife, dann aufgelegt worden. Heute zweimal „Alle Mitarbeiter sind im Gespräch, bitte versuchen Sie es später". Was ist da los?

            Ich will nur wissen, warum mein Datenvolumen schon am 15. verbraucht ist, obwohl ich fast nur im WLAN bin. Das kann nicht stimmen.

            Felix Hartmann, KD-102240
        """),
        A(20, """
            entschuldigen Sie bitte die langen Wartezeiten. Wir haben zurzeit wegen der Umstellung unserer Telefonanlage ein sehr hohes Anrufaufkommen.

            Zu Ihrem Datenvolumen: Ich sehe für Ihre Rufnummer am 12. und 13.09. einen Verbrauch von zusammen 6,8 GB, überwiegend nachts zwischen 1 und 4 Uhr. Das sind typischerweise automatische Backups oder App-Updates, wenn das WLAN gerade nicht verbunden ist. Schauen Sie am besten in den Einstellungen unter „Mobile Daten", welche App so viel verbraucht hat.

            Ich habe Ihnen für diesen Monat einmalig 5 GB kostenlos zugebucht.
        """),
        C(8, """
            Danke. Das waren die Fotos in der iCloud, das Handy hat beim Laden die Sync gemacht und das WLAN war weg wegen Router-Neustart. Peinlich. Trotzdem: die Hotline muss besser werden.

            Felix Hartmann
        """),
    )),
    T("schaefer-raten", "schaefer", "Rücklastschrift / Bitte um Ratenzahlung", "2026-10-27 08:44", "jaschke", (
        C(0, """
            Sehr geehrte Damen und Herren,

            leider ist die Abbuchung für die Jahresabrechnung (Nachzahlung 412,80 €) zurückgegangen, weil mein Konto nicht gedeckt war. Ich bin gerade in Elternzeit und der Betrag auf einmal ist für mich ehrlich gesagt nicht machbar.

            Wäre eine Ratenzahlung möglich, z.B. 6 Raten? Ich will das auf jeden Fall bezahlen, nur nicht alles auf einmal.

            Mit freundlichen Grüßen
            Nadine Schäfer
            KD-103902
        """),
        A(26, """
            vielen Dank, dass Sie sich direkt bei uns melden. Eine Ratenzahlung ist selbstverständlich möglich.

            Ich habe folgenden Plan angelegt: 6 Raten zu je 68,80 €, fällig jeweils zum 15. des Monats, erstmals am 15.11.2026. Die Raten werden zusammen mit Ihrem Abschlag abgebucht. Die Rücklastschriftgebühr Ihrer Bank von 3,50 € übernehmen wir in diesem Fall.

            Den Ratenplan finden Sie im Anhang.
        """, attach=(("Ratenplan_KD-103902.pdf",
                      "Ratenplan\nKundennummer: KD-103902\nGesamtbetrag: 412,80 EUR\n6 Raten zu 68,80 EUR\n"
                      "erste Rate: 15.11.2026, letzte Rate: 15.04.2027"),)),
        C(10, """
            Vielen vielen Dank, das hilft mir sehr!

            Nadine Schäfer
        """),
    )),
    T("weber-glasfaser", "weber", "Glasfaser in der Bahrenfelder Chaussee?", "2026-11-03 20:15", "demir", (
        C(0, """
            Hallo,

            ich ziehe im Januar nach Hamburg-Bahrenfeld (Bahrenfelder Chaussee 92). Ist da Glasfaser von Ihnen verfügbar? Auf der Website kommt bei der Verfügbarkeitsprüfung nur „Adresse konnte nicht eindeutig zugeordnet werden".

            Ich brauche mind. 500 Mbit, bin Streamer / Content Creator und lade viel hoch. Upload ist mir wichtig.

            Danke!
        """),
        A(16, """
            danke für Ihr Interesse! An der Bahrenfelder Chaussee 92 ist das Gebäude bereits mit Glasfaser erschlossen. Verfügbar sind dort Tarife bis 1000/500 Mbit/s, also auch mit hohem Upload.

            Dass die Verfügbarkeitsprüfung die Adresse nicht findet, liegt an der Schreibweise: Bitte geben Sie „Chaussee" ohne Abkürzung ein, „Chaus." oder „Ch." erkennt sie nicht. Das melde ich an unser Web-Team. Sie können den Vertrag bis zu drei Monate im Voraus abschließen und den Schalttermin auf Ihr Einzugsdatum legen.
        """),
        C(2, """
            Oh lol, ich hatte tatsächlich „Bahrenfelder Ch." eingegeben 😄 Danke, hat jetzt geklappt, hab den 1000er bestellt mit Start 15.01.
        """),
    )),
    T("fischer-bonus", "fischer", "Freunde werben – Bonus nicht erhalten", "2026-06-29 19:10", "petersen", (
        C(0, """
            Hallo liebes Nordlicht-Team,

            ich habe im April meine Nachbarin Frau Özdemir geworben (sie ist seit Mai Kundin bei Ihnen, Strom). Laut Aktion sollten wir beide 50 € Bonus bekommen. Sie hat ihre 50 € schon, bei mir ist nichts angekommen.

            Meine Kundennummer ist KD-103017, meine Nachbarin hat beim Abschluss meine Empfehlungs-ID NLF-7QX2 angegeben.

            Viele Grüße
            Laura Fischer
        """),
        A(30, """
            vielen Dank, dass Sie uns weiterempfohlen haben! Ich habe nachgesehen: Die Prämie war korrekt vermerkt, wurde aber wegen eines Fehlers im Auszahlungslauf im Juni nicht ausgezahlt. Ich habe die 50 € heute manuell angewiesen, das Geld ist in 2–3 Tagen auf Ihrem Konto.
        """),
        C(4, """
            Toll, danke! Und übrigens: Ich bin seit 3 Jahren bei Ihnen und echt zufrieden, besonders mit dem Service per Mail. Weiter so!

            Laura
        """),
    )),
    T("richter-roaming", "richter", "Rechnung 287 € – Roaming Türkei??", "2026-09-09 08:30", "hansen", (
        C(0, """
            Hallo,

            ich bin gerade aus dem Urlaub in der Türkei zurück und habe jetzt eine Rechnung über 287,43 € bekommen. Normalerweise zahle ich 19,99 €. Ich hatte eine SMS bekommen „Willkommen in der Türkei, Daten 1 MB für 0,49 €" und hab mir nix dabei gedacht, weil ich eh kaum was gemacht hab. Nur 2-3 mal WhatsApp und Google Maps!!

            Das ist doch Wucher. Die Türkei ist zwar nicht EU aber trotzdem. Bitte um Prüfung und Kulanz.

            Gruß
        """),
        A(26, """
            ich verstehe, dass Sie über die Rechnung erschrocken sind. Vom 22.08. bis 05.09. wurden in der Türkei insgesamt 562 MB Daten verbraucht, vor allem durch Google Maps (Kartenmaterial lädt viel nach) und automatische Updates im Hintergrund.

            Für Reisen außerhalb der EU gelten leider andere Preise; die Info-SMS bei Ankunft soll darauf hinweisen. Allerdings hätte bei 59,50 € unsere Kostenbremse greifen und die weitere Nutzung erst nach Ihrer Bestätigung freigeben müssen. Das ist bei Ihnen nicht passiert.

            Daher reduzieren wir die Roamingkosten auf 59,50 €. Ihre korrigierte Rechnung beträgt 79,49 €, die Differenz wird Ihnen gutgeschrieben.
        """),
        C(20, """
            Danke, das ist fair. Gibt es für sowas nicht eine Reiseoption? Nächstes Jahr geht's nach Marokko.

            Gruß
        """),
        A(18, """
            ja: Die Option „Travel World S" bietet für 14,99 € pro Woche 2 GB in über 60 Ländern außerhalb der EU, auch in Marokko und der Türkei. Sie können sie vor der Reise im Kundenportal oder per SMS mit dem Text WORLD S an die 22122 buchen.
        """),
    )),
    # ===================================================== business customers
    T("hansen-ausfall", "n_hansen", "DRINGEND: Internet weg – Kartenzahlung geht nicht!", "2026-07-04 06:12", "demir", (
        C(0, """
            Hallo,

            bei uns in der Filiale Lange Reihe ist seit heute früh 5:30 das Internet komplett weg. Damit geht auch das Kartenterminal nicht und die Kasse kann nicht synchronisieren. Samstag ist unser stärkster Tag!!! Kunden gehen wieder raus weil sie nur mit Karte zahlen wollen.

            Router zeigt rote Lampe bei „Internet". Neustart hat nichts gebracht.

            Bitte SOFORT jemanden schicken.

            Gruß Nils
        """),
        A(1.2, """
            ich habe die Störung sofort aufgenommen (Störungsnummer ST-2026-07-88104). Die Leitung zu Ihrer Filiale ist komplett ohne Signal, der Fehler liegt also nicht an Ihrem Router. Ein Techniker ist informiert und laut Disposition zwischen 9 und 10 Uhr bei Ihnen.

            Zur Überbrückung: Ihr Geschäftskundentarif enthält eine LTE-Backup-Option. Wenn Sie den mitgelieferten LTE-Stick am Router anstecken (USB-Anschluss hinten), läuft die Kartenzahlung bis zur Reparatur über Mobilfunk.
        """),
        C(2.5, """
            Sehr geehrte Frau Demir,

            den LTE-Stick hat uns nie jemand gegeben. Ich habe mir gerade nochmal den Vertrag angesehen: „LTE-Backup inklusive" – geliefert wurde er nie.

            Wir haben heute Morgen geschätzt 30–40 % weniger Umsatz als an einem normalen Samstag. Ich erwarte, dass Sie uns diesen Schaden ersetzen. Das ist jetzt das zweite Mal in diesem Jahr.

            Mit freundlichen Grüßen
        """, by="f_hansen"),
        A(2, """
            der Techniker hat die Störung um 9:40 Uhr behoben – bei Bauarbeiten in der Nebenstraße war das Kabel beschädigt worden. Ihre Leitung läuft seitdem wieder stabil.

            Dass Sie den LTE-Stick nicht erhalten haben, tut mir sehr leid. Ich habe ihn heute per Express an die Filiale geschickt, Zustellung Montagvormittag.

            Ihre Schadensersatzforderung muss unsere Teamleitung prüfen. Damit das schnell geht, schicken Sie uns bitte eine Umsatzaufstellung des heutigen Tages und zum Vergleich der letzten vier Samstage.
        """),
        C(52, """
            Sehr geehrte Frau Demir,

            anbei die Umsatzaufstellung als CSV aus unserem Kassensystem. Die Differenz zum Durchschnitt der letzten vier Samstage beträgt 1.146,30 €.

            Mit freundlichen Grüßen
        """, by="f_hansen", attach=(("Umsatz_Samstage_Lange_Reihe.csv",
                                      "Datum;Filiale;Umsatz brutto;Kartenanteil\n"
                                      "2026-06-06;Lange Reihe;3412,60;58%\n2026-06-13;Lange Reihe;3288,10;61%\n"
                                      "2026-06-20;Lange Reihe;3590,40;57%\n2026-06-27;Lange Reihe;3501,30;60%\n"
                                      "2026-07-04;Lange Reihe;2301,80;21%"),)),
        A(70, """
            ich habe mir Ihren Fall und die Umsatzaufstellung angesehen. Den Ausfall selbst hat ein Dritter verursacht. Dass Sie aber ohne das vertraglich zugesagte LTE-Backup dastanden, ist unser Fehler – mit dem Stick wäre die Kartenzahlung weitergelaufen.

            Wir schreiben Ihnen deshalb 1.146,30 € auf die nächste Rechnung gut. Außerdem haben wir geprüft, ob an Ihrer zweiten Filiale in Eppendorf das LTE-Backup eingerichtet ist: Dort ist alles in Ordnung.
        """, by="brandt"),
    ), cc=("f_hansen",)),
    T("hansen-angebot", "f_hansen", "Angebot Gewerbestrom – neue Filiale Winterhude", "2026-08-18 15:30", "lueders", (
        C(0, """
            Sehr geehrte Frau Lüders,

            wie telefonisch besprochen eröffnen wir am 01.11.2026 eine dritte Filiale in der Mühlenkampstraße 25, 22303 Hamburg. Dort brauchen wir Gewerbestrom und Internet mit Telefon.

            Zum Verbrauch: Wir backen dort nicht selbst, sondern haben nur Kühlung, Kaffeemaschinen und zwei Aufbacköfen. Ich schätze 28.000 kWh im Jahr.

            Bitte schicken Sie mir ein Angebot, gern auch als Paket mit den anderen beiden Standorten.

            Mit freundlichen Grüßen
        """),
        A(46, """
            vielen Dank für Ihre Anfrage und herzlichen Glückwunsch zur neuen Filiale!

            Im Anhang finden Sie unser Angebot für die Mühlenkampstraße:

            - Gewerbestrom „Nordlicht Business Natur": 27,9 ct/kWh, Grundpreis 14,90 €/Monat, 24 Monate Preisgarantie
            - Business Internet 250 inkl. 2 Sprachkanäle und LTE-Backup: 59,90 €/Monat netto

            Wenn Sie alle drei Standorte in einem Rahmenvertrag bündeln, reduziert sich der Arbeitspreis an allen Standorten auf 26,9 ct/kWh. Das Angebot ist bis zum 15.09.2026 gültig.
        """, attach=(("Angebot_AN-2026-0412_Baeckerei_Hansen.pdf",
                      "Angebot AN-2026-0412\nBaeckerei Hansen GmbH, Filiale Muehlenkampstrasse 25\n"
                      "Gewerbestrom Business Natur: 27,9 ct/kWh, Grundpreis 14,90 EUR/Monat\n"
                      "Business Internet 250: 59,90 EUR/Monat netto\nGueltig bis 15.09.2026"),)),
        C(96, """
            Sehr geehrte Frau Lüders,

            danke für das Angebot. Der Rahmenvertrag klingt interessant. Zwei Fragen:

            1. Laufen die Verträge der bestehenden Filialen dann auch neu 24 Monate?
            2. Ist das LTE-Backup diesmal wirklich dabei? Sie haben vielleicht von unserem Ärger im Juli gehört.

            Mit freundlichen Grüßen
        """),
        A(22, """
            zu Ihren Fragen:

            1. Ja, mit dem Rahmenvertrag beginnt für alle Standorte eine gemeinsame Laufzeit von 24 Monaten. Im Gegenzug gilt die Preisgarantie auch für alle.
            2. Ja – und damit nichts schiefgeht, bringt der Techniker den LTE-Stick bei der Installation mit und richtet ihn vor Ort ein. Das habe ich im Auftrag ausdrücklich vermerkt.

            Wenn Sie einverstanden sind, schicke ich Ihnen den Rahmenvertrag zur Unterschrift.
        """),
        C(5, """
            Sehr geehrte Frau Lüders,

            dann machen wir das so. Bitte schicken Sie mir den Vertrag.

            Mit freundlichen Grüßen
        """),
    ), mailbox="vertrieb", ticket=False),
    T("hansen-zaehler", "n_hansen", "Zählerstände September beide Filialen", "2026-10-01 05:40", "petersen", (
        C(0, """
            Moin,

            anbei wie jeden Monat die Zählerstände als CSV (Export aus unserem Energiemonitoring).

            Gruß Nils
        """, attach=(("Zaehlerstaende_2026-09.csv",
                      "Filiale;Zählernummer;Datum;Stand kWh\nLange Reihe;1ESY1160223104;2026-09-30;412883\n"
                      "Eppendorf;1ESY1160223119;2026-09-30;233017"),)),
        A(6, """
            danke, beide Zählerstände sind übernommen. Kleiner Tipp: Im Kundenportal können Sie die CSV-Datei auch direkt hochladen, dann werden die Stände automatisch zugeordnet.
        """),
        C(3, """
            Ah cool, wusste ich nicht. Mach ich nächsten Monat so 👍
        """),
    )),
    T("elbe-vernetzung", "vogt", "Anfrage: Glasfaser-Standortvernetzung Harburg/Billbrook/Lüneburg",
      "2026-06-09 09:14", "carstensen", (
        C(0, """
            Sehr geehrte Damen und Herren,

            wir planen für 2027 die Vernetzung unserer drei Standorte (Zentrale Hamburg-Harburg, Lager Hamburg-Billbrook, Umschlaglager Lüneburg) über eine dedizierte Glasfaserverbindung. Derzeit nutzen wir VPN über drei getrennte Internetanschlüsse verschiedener Anbieter, was regelmäßig zu Problemen führt.

            Anforderungen in Kürze:
            - symmetrisch mind. 500 Mbit/s je Standort
            - SLA mit Entstörung innerhalb von 4 Stunden, 24/7
            - Redundanz am Standort Harburg
            - feste IPv4-Adressen (/29)

            Bitte lassen Sie uns wissen, ob Sie das abbilden können, und schlagen Sie gern einen Termin für ein Erstgespräch vor. Technische Details kann Ihnen unser IT-Administrator Herr Kern (in Kopie) geben.

            Mit freundlichen Grüßen
        """),
        A(26, """
            vielen Dank für Ihre Anfrage – das passt sehr gut zu unserem Produkt „Nordlicht Business Connect".

            Harburg und Billbrook liegen in unserem Glasfasernetz, Lüneburg können wir über ein Partnernetz anbinden; die Verfügbarkeit dort prüfen wir noch im Detail. Ein SLA mit 4 Stunden Entstörzeit (24/7) und eine zweite, physisch getrennte Zuführung in Harburg sind möglich.

            Für ein Erstgespräch schlage ich folgende Termine vor, gern bei Ihnen in Harburg:

            - Dienstag, 16.06., 10:00 Uhr
            - Donnerstag, 18.06., 14:00 Uhr
        """),
        C(6, """
            Sehr geehrter Herr Carstensen,

            Donnerstag, 18.06., 14:00 Uhr passt. Bitte melden Sie sich am Empfang in der Hafenstraße 120, Haus B. Herr Kern nimmt ebenfalls teil.

            Mit freundlichen Grüßen
        """),
        A(3, """
            prima, der Termin ist eingetragen. Ich bringe unseren Netzplaner Herrn Ahrens mit. Damit wir uns gut vorbereiten können: Könnten Sie uns vorab eine Übersicht der heutigen Anschlüsse (Anbieter, Bandbreite, Vertragsende) schicken?
        """),
        C(26, """
            Hallo Herr Carstensen,

            anbei die Übersicht als CSV. Die Verträge in Billbrook und Lüneburg laufen Ende März 2027 aus, Harburg ist monatlich kündbar.

            Kleine Ergänzung zu den Anforderungen: Wir hätten gern BGP mit eigenem AS, falls das bei Ihnen geht – ist aber kein Muss.

            Viele Grüße
        """, by="kern", attach=(("Anschluesse_Elbe_Logistik.csv",
                                  "Standort;Anbieter;Produkt;Down/Up (Mbit/s);Vertragsende\n"
                                  "Harburg Zentrale;Anbieter A;Business Kabel;1000/50;monatlich\n"
                                  "Billbrook Lager;Anbieter B;VDSL;250/40;31.03.2027\n"
                                  "Lüneburg Umschlag;Anbieter C;VDSL;100/40;31.03.2027"),)),
    ), mailbox="vertrieb", cc=("kern",), ticket=False),
    T("elbe-rechnung", "brandes", "Rechnung R-2026-0081562 – abweichender Betrag", "2026-07-16 11:05", "jaschke", (
        C(0, """
            Sehr geehrte Damen und Herren,

            bei der Prüfung Ihrer Rechnung R-2026-0081562 vom 10.07.2026 (Betrag 1.874,21 € brutto) ist uns aufgefallen, dass die Position „Mobilfunk Business M" mit 24 Karten abgerechnet wurde. Laut Vertrag und unserer Inventarliste haben wir nur 21 aktive Karten; drei Karten wurden zum 31.05. gekündigt (Kündigungsbestätigung vom 02.05. liegt vor).

            Die Rechnung haben wir zur Zahlung gesperrt. Bitte senden Sie uns eine korrigierte Rechnung.

            Mit freundlichen Grüßen
        """, attach=(("R-2026-0081562.pdf", "Rechnung R-2026-0081562\nElbe Logistik & Spedition GmbH\n"
                                             "Kundennummer: KD-200310\nMobilfunk Business M: 24 x 24,90 EUR\n"
                                             "Gesamt brutto: 1.874,21 EUR"),)),
        A(26, """
            vielen Dank für Ihren Hinweis. Sie haben recht: Die Kündigung der drei Karten (Rufnummern enden auf -118, -124 und -131) wurde zum 31.05. erfasst, bei der Abrechnung aber nicht berücksichtigt.

            Ich habe eine Gutschrift über 3 × 24,90 € netto (88,89 € brutto) und eine korrigierte Rechnung erstellt. Beides finden Sie im Anhang.
        """, attach=(("Gutschrift_G-2026-0029114.pdf", "Gutschrift G-2026-0029114\nzu Rechnung R-2026-0081562\n"
                                                        "3 x Mobilfunk Business M: -74,70 EUR netto\n"
                                                        "Gutschrift brutto: -88,89 EUR"),
                     ("R-2026-0083007.pdf", "Rechnung R-2026-0083007 (Korrektur)\nKundennummer: KD-200310\n"
                                             "Mobilfunk Business M: 21 x 24,90 EUR\nGesamt brutto: 1.785,32 EUR"))),
        C(24, """
            Sehr geehrte Frau Jaschke,

            vielen Dank. Eine Frage noch: Die korrigierte Rechnung hat eine neue Rechnungsnummer (R-2026-0083007) – sollen wir die Gutschrift mit der alten Rechnung verrechnen oder einfach die neue Rechnung über 1.785,32 € bezahlen? Unser System kann sonst nicht sauber buchen.

            Mit freundlichen Grüßen
        """),
        A(5, """
            bitte zahlen Sie einfach die neue Rechnung R-2026-0083007 über 1.785,32 €. Die alte Rechnung R-2026-0081562 ist durch die Gutschrift vollständig ausgeglichen und muss nicht bezahlt werden.
        """),
    )),
    T("elbe-sip", "kern", "Störung SIP-Trunk – keine eingehenden Anrufe", "2026-09-17 07:48", "demir", (
        C(0, """
            Hallo,

            seit ca. 06:30 Uhr kommen an unserem SIP-Trunk (Anlagenanschluss, Rufnummernblock 040 66969 600–699) keine eingehenden Anrufe mehr an. Anrufer hören „Kein Anschluss unter dieser Nummer". Ausgehend geht alles.

            Unsere TK-Anlage (3CX) ist registriert, letzte REGISTER-Antwort 200 OK um 07:40. Im SIP-Trace sehe ich keine INVITEs von Ihrer Seite. An unserer Firewall hat sich nichts geändert.

            Bitte dringend prüfen, unsere Disposition ist telefonisch nicht erreichbar.

            Viele Grüße
        """),
        A(0.7, """
            danke für die präzise Fehlerbeschreibung, das hilft sehr. Ich habe die Störung aufgenommen (ST-2026-09-90317). Wir sehen das Problem: Bei einer nächtlichen Wartung wurde die Routing-Tabelle für Ihren Rufnummernblock fehlerhaft übernommen. Die Kollegen vom Netzbetrieb korrigieren das gerade, ich melde mich spätestens in 30 Minuten.
        """),
        C(0.8, """
            Kurze Info: Seit 08:41 kommen Anrufe wieder an, aber nur auf die Zentrale (-600). Durchwahlen gehen weiterhin nicht, z.B. -640 (meine) und -601.
        """),
        A(0.5, """
            danke für die Rückmeldung. Die Durchwahlen sind jetzt ebenfalls wieder geroutet, ein Testanruf auf die -640 war bei uns erfolgreich. Können Sie das bestätigen?
        """),
        C(0.3, """
            Bestätigt, alles wieder da. Könnten Sie uns noch einen kurzen Störungsbericht (RFO) für unsere Doku schicken? Danke für die schnelle Hilfe.
        """),
        A(30, """
            anbei der Störungsbericht. Kurz zusammengefasst: Bei einer Wartung am 17.09.2026 zwischen 02:00 und 04:00 Uhr wurden die Routing-Einträge für 12 Rufnummernblöcke von Geschäftskunden fehlerhaft migriert. Bei Ihnen war der eingehende Verkehr von 06:30 bis 09:12 Uhr betroffen. Wir haben unseren Wartungsprozess um einen automatischen Testanruf je Rufnummernblock ergänzt.
        """, attach=(("RFO_ST-2026-09-90317.pdf", "Stoerungsbericht (RFO) ST-2026-09-90317\nKunde: Elbe Logistik\n"
                                                   "Beginn: 17.09.2026 06:30\nEnde: 17.09.2026 09:12\n"
                                                   "Ursache: fehlerhafte Migration von Routing-Eintraegen"),)),
    )),
    T("elbe-anschrift", "brandes", "Änderung der Rechnungsanschrift ab 01.11.2026", "2026-10-19 14:22", "hansen", (
        C(0, """
            Sehr geehrte Damen und Herren,

            bitte beachten Sie, dass sich ab dem 01.11.2026 unsere Rechnungsanschrift ändert. Die Buchhaltung zieht in unser neues Verwaltungsgebäude.

            Neue Rechnungsanschrift:
            Elbe Logistik & Spedition GmbH
            - Buchhaltung -
            Schlachthofstraße 3
            21079 Hamburg

            Rechnungen per E-Mail weiterhin bitte an rechnung@elbe-logistik.de. Die Kundennummer KD-200310 bleibt unverändert.

            Mit freundlichen Grüßen
        """),
        A(20, """
            vielen Dank für die Information. Wir haben die neue Rechnungsanschrift zum 01.11.2026 für alle Verträge unter der Kundennummer KD-200310 hinterlegt. Der Rechnungsversand per E-Mail an rechnung@elbe-logistik.de bleibt unverändert.
        """),
        C(0.02, """
            Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 30.10.2026 nicht im Büro. Ihre E-Mail wird nicht weitergeleitet.

            In dringenden Fällen wenden Sie sich bitte an buchhaltung@elbe-logistik.de oder 040 66969 610.

            Claudia Brandes
        """, auto=True, html=False),
    )),
    T("elbe-altvertrag", "vogt", "Kündigung Altvertrag Business Internet Harburg", "2026-11-09 10:40", "carstensen", (
        C(0, """
            Sehr geehrter Herr Carstensen,

            nachdem der Rahmenvertrag Business Connect nun unterschrieben ist, bitten wir um Kündigung des bestehenden Vertrags „Business Internet 100" am Standort Harburg (Vertragsnummer VN-2019-04471) zum Zeitpunkt der Umschaltung auf die neue Glasfaserverbindung.

            Bitte bestätigen Sie uns, dass es keine Überschneidung mit doppelten Kosten gibt.

            Mit freundlichen Grüßen
        """),
        A(24, """
            gern bestätige ich Ihnen: Der Vertrag VN-2019-04471 endet automatisch am Tag der Umschaltung auf Business Connect (geplant: KW 6/2027). Bis dahin läuft er unverändert weiter, danach berechnen wir nur noch den Rahmenvertrag. Doppelte Kosten entstehen nicht.
        """),
        C(3, """
            Vielen Dank, Herr Carstensen. Dann freuen wir uns auf den Start im Februar.

            Mit freundlichen Grüßen
        """),
    ), mailbox="vertrieb", ticket=False),
    T("berger-telefon", "voss", "Telefon gestört – Patienten erreichen uns nicht", "2026-06-15 08:20", "demir", (
        C(0, """
            Sehr geehrte Damen und Herren,

            seit heute Morgen ist unsere Praxis telefonisch nicht erreichbar. Patienten berichten uns (über Handy…), dass sie ein Besetztzeichen hören, obwohl bei uns keiner telefoniert. Ausgehende Anrufe funktionieren.

            Es ist Montag früh, da rufen immer die Schmerzpatienten vom Wochenende an. Bitte helfen Sie uns schnell!

            Mit freundlichen Grüßen
        """),
        A(1, """
            ich habe Ihren Anschluss geprüft: Ihre Rufnummer ist derzeit auf die Nummer 040 66969 799 umgeleitet, und die ist besetzt. Die Umleitung wurde am Samstag um 11:52 Uhr über Ihre Telefonanlage eingerichtet – vielleicht als Wochenendumleitung zum Notdienst?

            Sie können die Umleitung direkt am Telefon mit #21# aufheben. Wenn Sie möchten, schalte ich sie auch von hier aus ab – dann genügt eine kurze Antwort.
        """),
        C(0.4, """
            Sie haben recht, unsere Auszubildende hat am Samstag die Notdienst-Umleitung eingestellt, dabei eine falsche Nummer erwischt und sie nicht wieder ausgeschaltet. Mit #21# hat es geklappt, die Telefone klingeln wieder. Vielen Dank!!

            Mit freundlichen Grüßen
        """),
        A(1.5, """
            sehr gut, das freut mich! Ein Tipp für die Zukunft: In Ihrer Telefonanlage lässt sich eine Zeitsteuerung einrichten, die die Notdienst-Umleitung am Freitag um 18 Uhr automatisch ein- und am Montag um 7 Uhr wieder ausschaltet. Eine Anleitung für Ihr Modell finden Sie im Anhang.
        """, attach=(("Anleitung_Zeitsteuerung_Rufumleitung.pdf",
                      "Anleitung: Zeitgesteuerte Rufumleitung\n1. Telefonanlage im Browser oeffnen\n"
                      "2. Telefonie > Rufumleitung > Zeitsteuerung\n3. Freitag 18:00 ein, Montag 07:00 aus"),)),
    )),
    T("berger-rueckruf", "berger", "Zum dritten Mal: Rückruf erbeten!", "2026-08-24 18:45", "brandt", (
        C(0, """
            Sehr geehrte Damen und Herren,

            ich bitte Sie nun zum dritten Mal um einen Rückruf wegen der Anbindung unserer Praxis an die Telematikinfrastruktur. Zwei Mal wurde mir am Telefon ein Rückruf „innerhalb von 24 Stunden" zugesagt, zwei Mal hat sich niemand gemeldet.

            Ich bin Zahnarzt und habe tagsüber Patienten, ich kann nicht ständig in Ihrer Warteschleife hängen. Erreichbar bin ich Montag bis Donnerstag zwischen 12:30 und 13:30 Uhr unter 040 66969 721.

            Sollte sich wieder niemand melden, werde ich den Vertrag kündigen.

            Mit freundlichen Grüßen
        """),
        A(16, """
            es tut mir sehr leid, dass Sie zweimal vergeblich auf einen Rückruf gewartet haben. Die Rückrufwünsche wurden in unserem System erfasst, aber dem falschen Team zugeordnet.

            Ich habe Ihren Vorgang selbst übernommen und rufe Sie morgen, Mittwoch, 26.08., um 12:30 Uhr unter 040 66969 721 an. Mit am Telefon ist ein Kollege aus dem technischen Geschäftskundenservice, der sich mit der TI-Anbindung auskennt.
        """),
        C(28, """
            Sehr geehrter Herr Brandt,

            vielen Dank für den Anruf heute, das Gespräch war sehr hilfreich. Ich warte jetzt auf die schriftliche Zusammenfassung.

            Mit freundlichen Grüßen
        """),
        A(22, """
            wie besprochen, hier die Zusammenfassung:

            - Für die TI-Anbindung Ihres Konnektors benötigen Sie keine feste IP-Adresse; die Verbindung wird vom Konnektor aus aufgebaut.
            - Die Verbindungsabbrüche am Nachmittag lagen an der Zwangstrennung alle 24 Stunden. Diese haben wir auf 4:00 Uhr nachts verlegt.
            - Falls Sie trotzdem eine feste IP wünschen (z. B. für Fernwartung), kostet sie 5,00 € netto im Monat; eine kurze Nachricht genügt.

            Für Ihre Geduld schreiben wir Ihnen eine Monatsgrundgebühr gut.
        """),
    )),
    T("berger-sepa", "voss", "Neue Bankverbindung für Lastschrift", "2026-11-11 12:05", "jaschke", (
        C(0, """
            Sehr geehrte Damen und Herren,

            die Praxis hat die Bank gewechselt. Bitte ziehen Sie die Beträge ab Dezember von folgendem Konto ein:

            Kontoinhaber: Dr. Stefan Berger
            IBAN: DE89 3704 0044 0532 0130 00

            Das unterschriebene SEPA-Mandat hängt an.

            Mit freundlichen Grüßen
        """, attach=(("SEPA-Mandat_Praxis_Berger.pdf", "SEPA-Lastschriftmandat\nGlaeubiger: Nordlicht Energie & Telekom GmbH\n"
                                                        "Kontoinhaber: Dr. Stefan Berger\nIBAN: DE89 3704 0044 0532 0130 00\n"
                                                        "Unterschrift: (unterschrieben)"),)),
        A(25, """
            vielen Dank, das neue SEPA-Lastschriftmandat ist erfasst. Ab der Rechnung für Dezember 2026 buchen wir vom Konto mit der IBAN DE89 **** **** **** **30 00 ab. Die Mandatsreferenz NL-M-200588 bleibt unverändert.
        """),
    )),
    T("seeblick-wlan", "rademacher", "Gäste-WLAN für die Saison erweitern", "2026-05-28 10:30", "carstensen", (
        C(0, """
            Sehr geehrter Herr Carstensen,

            zur Saison haben wir unsere Terrasse und den Spa-Bereich erweitert. Gäste beschweren sich, dass dort das WLAN kaum funktioniert, und die Bewertungen auf den Portalen leiden schon („WLAN eine Katastrophe", 3 Sterne …).

            Können Sie uns ein Angebot für die Erweiterung machen? Idealerweise bis Mitte Juni, da beginnt die Hauptsaison. Unser Haustechniker Herr Matthiesen kann Ihnen die Räumlichkeiten zeigen.

            Mit freundlichen Grüßen
        """),
        A(22, """
            danke für Ihre Nachricht – schlechte Bewertungen wegen des WLANs wollen wir natürlich schnell abstellen.

            Ich schlage eine kurze Ausleuchtung vor Ort vor: Unser Techniker misst die Abdeckung und plant die zusätzlichen Access Points. Das dauert etwa zwei Stunden und ist für Sie kostenlos. Passt Ihnen Mittwoch, 03.06., vormittags?
        """),
        C(5, """
            Hallo Herr Carstensen,

            Mittwoch geht klar, ab 9 Uhr. Bitte an der Rezeption nach mir fragen. Strom für APs auf der Terrasse haben wir, LAN müsste man legen (ca. 35 m vom Technikraum, Leerrohr ist vorhanden).

            Gruß
        """, by="matthiesen"),
        A(150, """
            vielen Dank für die Zeit bei der Begehung. Im Anhang finden Sie unser Angebot:

            - 4 zusätzliche Access Points (2 × Terrasse outdoor, 2 × Spa), inkl. Montage und Verkabelung durch das vorhandene Leerrohr
            - eigenes Gäste-Netz mit Bandbreitenbegrenzung je Gerät
            - einmalig 2.480 € netto, monatlich 39 € netto für Betrieb und Monitoring

            Die Installation wäre ab dem 15.06. möglich.
        """, attach=(("Angebot_AN-2026-0388_Hotel_Seeblick.pdf",
                      "Angebot AN-2026-0388\nHotel Seeblick Timmendorfer Strand\n4 Access Points inkl. Montage\n"
                      "Einmalig: 2.480,00 EUR netto\nMonatlich: 39,00 EUR netto"),)),
        C(24, """
            Sehr geehrter Herr Carstensen,

            das Angebot passt. Bitte beauftragen Sie die Installation für den 15.06. oder so schnell wie möglich danach. Die Auftragsbestätigung bitte an mich.

            Mit freundlichen Grüßen
        """),
        A(6, """
            vielen Dank für Ihren Auftrag! Die Installation ist für Montag, 15.06.2026, ab 8 Uhr geplant und dauert etwa einen Tag. Die Auftragsbestätigung finden Sie im Anhang. Herr Matthiesen ist in Kopie, damit er den Technikraum vorbereiten kann.
        """, attach=(("Auftragsbestaetigung_AB-2026-1187.pdf",
                      "Auftragsbestaetigung AB-2026-1187\nHotel Seeblick Timmendorfer Strand\n"
                      "Installation: 15.06.2026 ab 08:00 Uhr"),)),
    ), mailbox="vertrieb", cc=("matthiesen",), ticket=False),
    T("seeblick-dank", "rademacher", "Dankeschön!", "2026-07-20 16:45", "carstensen", (
        C(0, """
            Lieber Herr Carstensen,

            ich wollte mich nach den ersten Wochen Hauptsaison einmal bedanken: Das neue WLAN auf der Terrasse und im Spa läuft hervorragend, und in den Bewertungen liest man jetzt sogar „schnelles WLAN, sogar am Pool". Auch die Installation lief reibungslos, Ihr Techniker hat sehr sauber gearbeitet.

            Herzliche Grüße von der Ostsee
        """),
        A(18, """
            vielen Dank für Ihre Nachricht, das freut uns sehr! Ich gebe Ihr Lob gern an unseren Techniker weiter. Und falls Sie für den Winter noch etwas planen – ich bin jederzeit ansprechbar.
        """),
    ), mailbox="vertrieb", ticket=False),
    T("seeblick-rechnung", "matthiesen", "Rechnung Oktober – Zusatzleitung doppelt?", "2026-10-12 09:10", "jaschke", (
        C(0, """
            Moin,

            auf der Rechnung vom 05.10. steht die Position „Zusatzleitung Gäste-WLAN 100 Mbit" zweimal (je 49,00 € netto). Wir haben aber nur eine. Bitte prüfen.

            Gruß
        """),
        A(28, """
            danke für den Hinweis. Sie haben recht, die Position wurde durch einen Fehler bei der Tarifumstellung im September doppelt berechnet. Ich habe Ihnen 49,00 € netto (58,31 € brutto) gutgeschrieben; die Gutschrift wird mit der nächsten Rechnung verrechnet.
        """),
        C(2, """
            Danke. Können Sie bitte prüfen, ob das im September auch schon so war? Da war die Rechnung auch höher als sonst.

            Gruß
        """),
        A(20, """
            ich habe nachgesehen: Auch im September wurde die Position doppelt berechnet. Ich habe eine zweite Gutschrift über 58,31 € erstellt. Insgesamt erhalten Sie also 116,62 € zurück, verrechnet mit der November-Rechnung.
        """),
    )),
    T("seeblick-telefon", "matthiesen", "Telefon Rezeption tot", "2026-11-14 06:50", "demir", (
        C(0, """
            Moin,

            Telefon an der Rezeption seit heute nacht tot, kein Freizeichen. Die anderen Apparate im Haus gehen. Gäste können uns nicht erreichen, heute ist Anreisetag. Bitte prüfen.

            Gruß
        """),
        A(1.3, """
            ich habe Ihren Anschluss geprüft: Von unserer Seite ist die Rufnummer 04503 66969 0 aktiv, und Anrufe werden korrekt an Ihre Telefonanlage zugestellt. Da die anderen Apparate funktionieren, liegt der Fehler vermutlich am Endgerät oder an der Verkabelung im Haus.

            Können Sie bitte ein anderes Telefon an den Anschluss der Rezeption stecken? Wenn das funktioniert, ist das Telefon defekt.
        """),
        C(0.7, """
            Anderes Telefon geht auch nicht. Am Patchfeld auf einen anderen Port umgesteckt -> geht. Also Kabel oder Port. Kümmere mich selbst drum, danke.

            Gruß
        """),
        A(1, """
            alles klar, danke für die Rückmeldung! Dann schließe ich die Störung auf unserer Seite. Falls noch etwas ist, melden Sie sich gern.
        """),
    )),
    T("lindner-umzug", "lindner", "Neue Betriebsadresse ab Juli / zwei Zähler", "2026-06-22 07:15", "hansen", (
        C(0, """
            Guten Tag,

            wir verlegen unseren Betrieb zum 01.07.2026 von Halstenbek nach Ellerbek (Hauptstraße 140, 25474 Ellerbek). Der Gewerbestromvertrag soll mit umziehen.

            Am neuen Standort gibt es zwei Zähler, einen fürs Gewächshaus und einen für Büro und Halle. Die Zählernummern sehen Sie auf dem Foto im Anhang. Am alten Standort lesen wir am 30.06. ab und schicken Ihnen den Stand.

            Mit freundlichen Grüßen
        """, attach=(("Zaehler_Ellerbek.png", "lindner-zaehler"),)),
        A(30, """
            vielen Dank für Ihre Nachricht und das Foto. Da am neuen Standort zwei Zähler vorhanden sind, brauchen wir für den zweiten Zähler einen zusätzlichen Vertrag. Ich habe beide Zähler (1ESY1161008743 und 1ESY1161008751) zum 01.07.2026 angemeldet, zu denselben Konditionen wie bisher.

            Bitte schicken Sie uns am 01.07. auch die Anfangsstände der beiden neuen Zähler.
        """),
        C(200, """
            Guten Tag Herr Hansen,

            hier die Zählerstände:

            Halstenbek (alt), 30.06.: 184.311 kWh
            Ellerbek Gewächshaus, 01.07.: 212 kWh
            Ellerbek Büro/Halle, 01.07.: 12.874 kWh

            Mit freundlichen Grüßen
        """),
        A(20, """
            vielen Dank, alle drei Zählerstände sind erfasst. Die Schlussrechnung für Halstenbek erhalten Sie im Juli; für Ellerbek laufen die Abschläge ab August über zwei Verträge (VN-2026-11820 und VN-2026-11821).
        """),
    )),
    T("lindner-abschlag", "lindner", "Abschlag Winter anpassen", "2026-10-28 17:20", "hansen", (
        C(0, """
            Hallo,

            Gartenbau ist Saisongeschäft – im Winter läuft im Gewächshaus nur die Frostschutzheizung, im Frühjahr dafür alles. Können wir den Abschlag fürs Gewächshaus saisonal staffeln, z.B. Nov–Feb niedriger und März–Juni höher? Gleichmäßig übers Jahr drückt uns im Winter die Liquidität.

            Gruß
        """),
        A(40, """
            das ist möglich: Für Gewerbekunden können wir einen saisonalen Abschlagsplan hinterlegen. Auf Basis Ihres bisherigen Verbrauchs schlage ich vor: November bis Februar 180 €, März bis Juni 420 €, Juli bis Oktober 260 €. In Summe entspricht das Ihrem bisherigen Jahresabschlag.

            Wenn Sie einverstanden sind, stelle ich das ab Dezember so ein.
        """),
        C(5, """
            Passt, bitte so einstellen. Danke!

            Gruß
        """),
    )),
)
