"""Authored German fragments for the training-data generator.

Every line of a CORE block is one thing a customer might write about that
intent.  A leading ``!`` marks a complaint (the customer reports that
something went wrong or is unhappy with the service); lines without it are
neutral requests.  Domains: retail / e-commerce, telecom, utilities
(Strom/Gas), banking/payment services, travel/transport and other services.
Registers range from formal letters to chat; Denglisch and sloppy spelling
are intentional.
"""

from __future__ import annotations

CORE: dict[str, str] = {
    "order_status": """
Wann wird meine Bestellung {order} geliefert?
Können Sie mir sagen, wo mein Paket gerade ist?
Ich habe am {date} bestellt und wollte fragen, wann die Lieferung ungefähr kommt.
Gibt es schon eine Sendungsnummer für meine Bestellung?
Ist meine Bestellung schon verschickt worden?
wann kommt mein paket ungefähr?
Hi, wie ist der Status von Bestellung {order}?
Der Tracking-Link funktioniert bei mir nicht, wo ist die Sendung gerade?
Können Sie die Lieferung auf Samstag verschieben?
Wird die Ware per DHL oder Hermes verschickt?
Wie lange dauert der Versand nach Österreich ungefähr?
Ich wollte nur kurz nachfragen, ob die neue SIM-Karte schon unterwegs ist.
Wann bekomme ich meine neue Bankkarte zugeschickt?
Meine Ersatzkarte wurde letzte Woche beantragt, wann ist sie ungefähr da?
Ist der Router für meinen neuen Anschluss schon versendet?
Laut Tracking liegt das Paket im Paketshop, stimmt das?
Kann ich die Lieferadresse für die offene Bestellung noch ändern?
bestellung {order} noch nicht versendet?? wann gehts los
Bitte um kurze Info zum Lieferstatus, Bestellnummer {order}.
Wie lange dauert es noch bis mein Sofa geliefert wird?
!Meine Bestellung {order} ist seit {days} Tagen unterwegs und immer noch nicht da.
!Ich warte jetzt schon über zwei Wochen auf mein Paket, wo bleibt es?
!Laut Sendungsverfolgung wurde das Paket zugestellt, ich habe aber nichts bekommen.
!Das Paket hängt seit einer Woche im Verteilzentrum fest, niemand kann mir sagen warum.
!Die Lieferung wurde dreimal verschoben, ich habe langsam keine Lust mehr.
!Sie haben mir eine Lieferung für Dienstag zugesagt, es kam aber nichts.
!Wo bleibt meine neue Karte? Die sollte längst da sein.
!Der Techniker-Router sollte vor zehn Tagen kommen, bis heute nichts.
!Der Paketbote hat das Paket einfach beim Nachbarn abgestellt, den ich nicht kenne, und jetzt ist es weg.
!paket seit 3 wochen nicht da, tracking zeigt seit tagen nix neues
!Mir wurde Expressversand berechnet und das Paket ist trotzdem erst nach 6 Tagen angekommen.
!Die Bestellung ist nur teilweise angekommen, die Hälfte fehlt.
""",
    "cancellation": """
Hiermit kündige ich meinen Vertrag fristgerecht zum nächstmöglichen Zeitpunkt.
Ich möchte meinen Mobilfunkvertrag kündigen, Kundennummer {cust}.
Bitte bestätigen Sie mir die Kündigung meines Stromvertrags schriftlich.
Wie kann ich mein Abo kündigen?
Ich ziehe ins Ausland und möchte deshalb meinen Gasvertrag beenden.
Bitte stornieren Sie meine Bestellung {order}, ich habe mich umentschieden.
Kann ich die Bestellung noch stornieren, bevor sie verschickt wird?
Ich will meine Mitgliedschaft zum Monatsende beenden.
Bis wann muss ich kündigen, damit der Vertrag nicht verlängert wird?
Bitte kündigen Sie meinen DSL-Anschluss wegen Umzug zum {date}.
Ich möchte mein Girokonto schließen, was muss ich tun?
Wie storniere ich eine Überweisung, die ich gerade versehentlich ausgelöst habe?
Bitte das Probeabo nicht verlängern, ich möchte es beenden.
hallo ich will kündigen wie geht das
Ich würde gerne den Termin am Donnerstag absagen.
Sonderkündigungsrecht wegen Preiserhöhung: Ich kündige meinen Gasliefervertrag.
Bitte die Zusatzoption Roaming-Paket wieder abbestellen.
Ich möchte meinen Handyvertrag nicht verlängern, bitte Kündigung zum Laufzeitende.
Können Sie mir den Kündigungseingang bestätigen?
Ich möchte den Newsletter und mein Kundenkonto komplett löschen lassen.
!Ich kündige hiermit, weil das Internet seit Monaten ständig ausfällt.
!Nach diesem Ärger mit der Abrechnung kündige ich meinen Stromvertrag.
!Ich habe vor vier Wochen gekündigt und trotzdem wurde wieder abgebucht.
!Meine Kündigung wurde bis heute nicht bestätigt, obwohl ich sie per Einschreiben geschickt habe.
!Sie verlängern meinen Vertrag einfach ohne Rückfrage, ich will sofort raus.
!Ich habe die Bestellung storniert und trotzdem wurde sie verschickt.
!Die Kündigung über die Hotline ist unmöglich, man landet immer in der Warteschleife.
!Ihr Service ist eine Katastrophe, ich kündige alles.
!Warum wird meine Kündigung ignoriert? Ich will aus dem Vertrag raus!
!Ich wollte das Abo beenden, aber auf der Website gibt es keinen Kündigungsbutton.
""",
    "billing_payment": """
Ich habe eine Frage zu meiner letzten Rechnung.
Können Sie mir die Rechnung für {month} noch einmal zuschicken?
Wie hoch ist mein Abschlag ab nächstem Monat?
Ich möchte meine Zahlungsart auf Lastschrift umstellen.
Kann ich die Rechnung auch in Raten bezahlen?
Bis wann muss die Rechnung {invoice} bezahlt werden?
Wo finde ich meine Rechnungen im Kundenportal?
Ich möchte meinen monatlichen Abschlag anpassen, ich verbrauche weniger Strom.
Warum ist die Gebühr für Auslandsüberweisungen so hoch, wie wird die berechnet?
Bitte schicken Sie mir eine Zahlungserinnerung nicht mehr per Post, sondern per Mail.
Ist meine Zahlung vom {date} schon bei Ihnen eingegangen?
Kann ich per PayPal oder Kreditkarte zahlen?
Ich brauche eine Rechnung mit ausgewiesener Mehrwertsteuer für meine Firma.
Wie setzt sich der Grundpreis in meiner Stromrechnung zusammen?
Ich bitte um Stundung der offenen Rechnung bis Monatsende.
kurze frage wann wird der betrag abgebucht?
Meine Kreditkarte ist abgelaufen, wie hinterlege ich eine neue?
!Sie haben mir den Betrag doppelt abgebucht.
!Auf meiner Rechnung stehen Gebühren, die ich nie vereinbart habe.
!Die Jahresabrechnung ist viel zu hoch, ich habe nie so viel Strom verbraucht.
!Ich habe eine Mahnung bekommen, obwohl ich die Rechnung längst bezahlt habe.
!Meine Kartenzahlung wurde abgelehnt, obwohl genug Geld auf dem Konto ist.
!Warum wurden mir {amount} Euro für Drittanbieterdienste berechnet? Die habe ich nie bestellt.
!Der Abschlag wurde ohne Ankündigung fast verdoppelt.
!Ich sehe eine Abbuchung auf meinem Konto, die ich nicht zuordnen kann.
!Mir wurde ein falscher Wechselkurs berechnet, der Betrag stimmt nicht.
!Die Rechnung ist schon wieder falsch, das Rabatt wurde nicht abgezogen.
!Die Lastschrift ist zurückgegangen und jetzt verlangen Sie Gebühren von mir, obwohl der Fehler bei Ihnen lag.
!Sie buchen seit zwei Monaten den alten Tarifpreis ab, obwohl ich gewechselt habe.
!Inkasso wegen einer Rechnung, die ich nie erhalten habe? Geht's noch?
!Bei der Zahlung im Shop wurde mir zweimal die Versandkosten berechnet.
!Mein Guthaben wird nicht angezeigt, obwohl ich überwiesen habe.
""",
    "refund_return": """
Wie kann ich einen Artikel zurückschicken?
Ich möchte die Schuhe aus Bestellung {order} zurückgeben, sie sind zu klein.
Bekomme ich ein Retourenlabel per Mail?
Wie lange dauert es, bis die Erstattung auf meinem Konto ist?
Ich habe die Ware am {date} zurückgeschickt, wann bekomme ich mein Geld?
Kann ich die Jacke auch gegen eine andere Größe umtauschen?
Ich widerrufe hiermit meinen Kauf innerhalb der 14-tägigen Frist.
Wie hoch ist mein Guthaben aus der Schlussrechnung und wann wird es ausgezahlt?
Bitte erstatten Sie mir das Guthaben aus der Jahresabrechnung auf mein Konto.
Ist die Rücksendung kostenlos?
Kann ich den Fernseher im Laden zurückgeben, obwohl ich online bestellt habe?
retoure schon losgeschickt, wann kommt die gutschrift?
Ich möchte vom Kauf zurücktreten und bitte um Rückerstattung.
Gibt es für den ausgefallenen Flug eine Erstattung?
Wie beantrage ich die Fahrpreiserstattung wegen Verspätung?
!Ich habe die Retoure vor vier Wochen zurückgeschickt und immer noch kein Geld bekommen.
!Die Rückerstattung ist angeblich raus, auf meinem Konto ist aber nichts angekommen.
!Sie haben nur einen Teil des Betrags erstattet, obwohl ich alles zurückgeschickt habe.
!Die Ware kam defekt an und jetzt soll ich die Rücksendung selbst bezahlen?
!Der Mixer ist nach zwei Wochen kaputtgegangen, ich will mein Geld zurück.
!Mein Widerruf wurde einfach ignoriert.
!Die Gutschrift aus der Schlussrechnung ist seit drei Monaten überfällig.
!Ihr Retourenportal funktioniert nicht, ich kann kein Label erstellen, und die Frist läuft ab.
!Der Händler verweigert den Umtausch, obwohl das Produkt offensichtlich fehlerhaft ist.
!Ich habe eine falsche Farbe bekommen und die Erstattung wird seit Wochen verschleppt.
!Warum wurde meine Rücksendung abgelehnt? Die Ware war originalverpackt.
!Die Fahrpreiserstattung habe ich schon vor zwei Monaten beantragt, bis heute kein Cent.
""",
    "technical_problem": """
Wie richte ich den neuen Router ein?
Welche Einstellungen brauche ich für die E-Mail auf dem iPhone?
Die App fragt nach einem Code, wo finde ich den?
Wie kann ich das WLAN-Passwort ändern?
Muss ich nach dem Update etwas neu installieren?
Ich bekomme die Zwei-Faktor-Anmeldung nicht eingerichtet, können Sie helfen?
Der Smart Meter zeigt eine Fehlermeldung E-03 an, was bedeutet das?
Wie aktiviere ich die eSIM auf meinem Handy?
!Mein Internet fällt seit Tagen mehrmals täglich aus.
!Die App stürzt bei jedem Login ab.
!Ich kann mich nicht mehr in mein Kundenkonto einloggen, das Passwort wird nicht akzeptiert.
!Seit dem Update funktioniert die Banking-App nicht mehr.
!Meine Karte funktioniert nicht im Geschäft, kontaktlos zahlen klappt gar nicht.
!Das Handy hat seit gestern kein Netz mehr, nur noch Notrufe.
!Der Router blinkt rot und es gibt kein Internet.
!Die Waschmaschine zeigt nach zwei Wochen einen Fehler und pumpt nicht ab.
!Die Aufladung meines Guthabens ist fehlgeschlagen.
!Meine PIN wurde gesperrt, nachdem ich sie einmal falsch eingegeben habe.
!Der Geldautomat hat meine Karte eingezogen.
!Im Checkout kommt immer ein Fehler 500, ich kann nicht bestellen.
!Die Internetgeschwindigkeit liegt bei 5 statt 100 Mbit, und das seit Wochen.
!Bei uns ist seit heute Morgen der Strom weg, ist das eine Störung?
!Die Gasheizung geht nach dem Zählertausch nicht mehr an.
!TV-Empfang ist seit dem Wochenende komplett weg.
!die app crasht andauernd, kann nix machen
!Meine Identität lässt sich in der App nicht verifizieren, der Upload bricht immer ab.
!Der Account ist gelockt und ich krieg keinen Reset-Link.
!Das Telefon knackt ständig, Gespräche brechen nach ein paar Minuten ab.
!Der Drucker, den ich bei Ihnen gekauft habe, druckt nur leere Seiten.
!Seit dem Firmware-Update verbindet sich die Kamera nicht mehr mit dem WLAN.
""",
    "account_data_change": """
Ich bin umgezogen, bitte ändern Sie meine Adresse auf {street}.
Bitte aktualisieren Sie meine Bankverbindung, neue IBAN folgt unten.
Ich habe geheiratet und heiße jetzt {name}, bitte Namen ändern.
Wie ändere ich meine E-Mail-Adresse im Kundenkonto?
Meine Handynummer hat sich geändert, bitte neue Nummer hinterlegen.
Bitte tragen Sie meinen Mann als zweiten Ansprechpartner ein.
Ich möchte die Rechnungsadresse ändern, die Lieferadresse bleibt gleich.
Können Sie das Geburtsdatum in meinem Konto korrigieren? Da steht ein falsches.
Neue Adresse ab {date}: {street}. Bitte auch für die Stromlieferung übernehmen.
Wie kann ich mein Passwort und meinen Benutzernamen ändern?
Bitte die Schreibweise meines Nachnamens korrigieren, richtig ist {name}.
ich hab ne neue iban, wo kann ich die ändern?
Ich möchte den Vertrag auf meine Frau umschreiben lassen.
Zählerstand zum Umzug und neue Anschrift: bitte übernehmen.
Bitte die Werbeeinwilligung in meinem Profil entfernen.
!Ich habe Ihnen schon zweimal meine neue Adresse mitgeteilt und die Post geht immer noch an die alte.
!Mein Name ist in allen Schreiben falsch geschrieben, obwohl ich das mehrfach gemeldet habe.
!Die Änderung der Bankverbindung wurde nicht übernommen, jetzt ist die Lastschrift geplatzt.
!Im Kundenportal kann ich meine Daten nicht ändern, die Seite speichert nichts.
!Sie haben meine Telefonnummer falsch eingetragen und jetzt bekomme ich keine SMS-Codes.
!Trotz Umzugsmeldung wird der Strom weiter für die alte Wohnung abgerechnet.
""",
    "product_question": """
Ist die Jacke auch in Größe L erhältlich?
Hat das Handy einen Dual-SIM-Slot?
Welcher Stromtarif lohnt sich für einen Zwei-Personen-Haushalt?
Gibt es den Tarif auch mit mehr Datenvolumen?
Ist die Kaffeemaschine mit Kapseln von anderen Herstellern kompatibel?
Liefern Sie auch in die Schweiz?
Bieten Sie Ökostrom an?
Wie viel kostet der Glasfaseranschluss in meiner Straße?
Wann ist das Modell wieder auf Lager?
Funktioniert die Karte auch mit Apple Pay oder Google Pay?
Ab welchem Alter kann man bei Ihnen ein Konto eröffnen?
In welchen Ländern kann ich die Karte nutzen?
Welche Währungen werden unterstützt?
Ist das Sofa auch in Grau erhältlich?
Was ist der Unterschied zwischen dem M- und dem L-Tarif?
Gibt es einen Rabatt für Studenten?
Kann man den Akku bei dem Staubsauger wechseln?
Ist die Matratze für Allergiker geeignet?
Hat der Fernseher HDMI 2.1 und wie groß ist die Bildwiederholrate?
Bis wann gilt das Angebot für den Wärmepumpentarif?
Kann ich Gas und Strom zusammen bei Ihnen beziehen?
hi, gibts das iphone auch mit 256gb?
Haben Sie auch Business-Tarife für kleine Firmen?
Welche Garantie gibt es auf die Waschmaschine?
Kann ich die Schuhe im Laden in Köln anprobieren?
!Warum ist der Artikel seit Wochen ausverkauft, obwohl er auf der Seite als verfügbar steht?
!Die Produktbeschreibung ist falsch, das Gerät hat gar kein Bluetooth.
!Ihr Preis auf der Website stimmt nicht mit dem Preis an der Kasse überein.
""",
    "appointment_callback": """
Bitte rufen Sie mich unter {phone} zurück.
Können wir einen Termin für die Zählerablesung vereinbaren?
Wann kann der Techniker zur Installation vorbeikommen?
Ich hätte gerne einen Rückruf heute zwischen 14 und 16 Uhr.
Ich möchte einen Beratungstermin in der Filiale vereinbaren.
Kann der Monteur auch am Samstag kommen?
Bitte um Rückruf wegen meines Vertrags, ich bin ab 17 Uhr erreichbar.
Der Termin am Montag passt mir leider nicht, können wir ihn auf Mittwoch verlegen?
Gibt es noch freie Termine für die Heizungswartung nächste Woche?
Bitte melden Sie sich telefonisch bei mir, per Mail ist das zu kompliziert.
ruft mich bitte mal zurück, danke
Wann kommt der Techniker für den Glasfaseranschluss, ich brauche einen Termin.
Ich möchte einen Termin für die Reparatur meines Fahrrads buchen.
Kann mich ein Berater wegen des Gewerbetarifs anrufen?
Können Sie mir einen Termin zur Abholung des Altgeräts geben?
!Ich warte seit drei Tagen auf den versprochenen Rückruf.
!Der Techniker ist zum vereinbarten Termin einfach nicht erschienen.
!Ich habe mir den ganzen Tag frei genommen und niemand ist gekommen.
!Mir wurde ein Rückruf innerhalb von 24 Stunden versprochen, passiert ist nichts.
!Schon wieder wurde der Termin kurzfristig abgesagt, ohne Ersatztermin.
!Ich hänge seit einer Stunde in der Warteschleife, ruft mich endlich zurück.
""",
    "feedback_praise": """
Vielen Dank für die schnelle Lieferung, alles bestens!
Ich möchte mich bei Frau Schneider für die tolle Beratung bedanken.
Super Service, der Techniker war pünktlich und sehr freundlich.
Danke, das Problem ist gelöst, klappt alles wieder.
Ich bin sehr zufrieden mit meinem neuen Tarif.
Top Kundenservice, weiter so!
Endlich mal eine Hotline, bei der man schnell jemanden erreicht. Danke!
Die Ware ist super angekommen und die Qualität ist klasse.
Danke für die unkomplizierte Erstattung.
Ein großes Lob an Ihr Team in der Filiale Hannover.
mega, danke euch!! 👍
Ich wollte nur sagen, dass die neue App richtig gut geworden ist.
Danke für die Kulanz bei der Reparatur, das hätte ich nicht erwartet.
Vielen Dank für den netten Anruf gestern, jetzt ist alles klar.
Der Umzug des Anschlusses hat reibungslos geklappt, vielen Dank.
Sehr freundlicher Mitarbeiter am Telefon, hat sich viel Zeit genommen.
Ich empfehle Sie gerne weiter.
Alles wunderbar, danke für die Hilfe!
""",
    "other": """
Hallo, ich habe eine allgemeine Frage.
Wie sind Ihre Öffnungszeiten an Feiertagen?
Haben Sie eine Filiale in der Nähe von Leipzig?
Ich interessiere mich für eine Ausbildung bei Ihnen, an wen kann ich mich wenden?
Wir sind eine Agentur und möchten Ihnen eine Kooperation vorschlagen.
Vielen Dank für Ihre Nachricht, ich bin bis zum {date} nicht im Büro.
Sorry, falsche Nummer.
Ok, danke, das war alles.
Bitte senden Sie mir die Unterlagen für die Steuererklärung.
Wie überweise ich Geld ins Ausland?
Wo ist der nächste Geldautomat?
Kann ich eine zweite Karte für meine Partnerin bekommen?
Ich habe meine Karte verloren, was muss ich tun?
Bin gleich da, warte am Eingang.
Gewinnen Sie jetzt ein iPhone! Klicken Sie hier.
Frohe Weihnachten an das ganze Team!
Hallo?
Ist jemand da?
Ich habe Ihnen eben eine Mail geschickt, haben Sie die bekommen?
Können Sie mir die AGB zuschicken?
Ich schreibe im Auftrag meiner Mutter, sie hat kein Internet.
Wie kann ich den Newsletter abbestellen?
Der Zug fährt heute ausnahmsweise von Gleis 7.
Bahn plant neue Verbindungen zwischen Hamburg und Berlin ab Dezember.
Morgen früh Bahnfahrt nach München, hat jemand Tipps für gute Sitzplätze?
Suche Mitfahrer für die Fahrt nach Köln am Freitag.
Wo kann ich Fundsachen aus dem Zug abholen?
Gibt es im ICE eigentlich Steckdosen am Platz?
!Der Mitarbeiter in Ihrer Filiale war extrem unfreundlich.
!Ich bekomme ständig Werbeanrufe von Ihnen, obwohl ich widersprochen habe.
!Ihre Hotline ist nie erreichbar, das ist echt ein Witz.
!Schon wieder 40 Minuten Verspätung, danke für nichts @DB_Bahn
!Zug fällt aus, keine Durchsage, keiner weiß was. Typisch Bahn.
!Die Klimaanlage im ICE ist mal wieder kaputt, 35 Grad im Wagen.
!Anschluss verpasst, weil der Regionalzug zu spät war. Jeden Tag das gleiche.
!Das WLAN im Zug funktioniert mal wieder nicht, wofür zahlt man eigentlich?
!Ihr Chatbot versteht überhaupt nichts und einen Menschen erreicht man nicht.
!Der Fahrer hat uns einfach an der Haltestelle stehen lassen.
!Wieder Schienenersatzverkehr ohne Ankündigung, ich komme zu spät zur Arbeit.
!Die Toiletten im Zug waren total verdreckt und abgeschlossen.
""",
}

# Openers by register.  "" means no greeting (chat, SMS).
OPENERS: dict[str, list[str]] = {
    "formal": [
        "Sehr geehrte Damen und Herren,",
        "Sehr geehrtes Kundenservice-Team,",
        "Guten Tag,",
        "Sehr geehrte Frau Meyer,",
    ],
    "neutral": ["Hallo,", "Hallo zusammen,", "Guten Morgen,", "Hallo liebes Team,", "Moin,"],
    "chat": ["", "", "hi", "hallo", "hey", "Servus,", "moin"],
}

CONTEXT: list[str] = [
    "ich bin seit {years} Jahren Kunde bei Ihnen (Kundennummer {cust}).",
    "es geht um meinen Vertrag mit der Kundennummer {cust}.",
    "ich schreibe Ihnen bezüglich meiner Bestellung {order}.",
    "ich habe folgendes Anliegen:",
    "kurze Frage:",
    "meine Vertragsnummer ist {cust}.",
    "ich hatte letzte Woche schon mit Ihrer Kollegin telefoniert.",
]

CLOSERS: dict[str, list[str]] = {
    "formal": [
        "Mit freundlichen Grüßen\n{name}",
        "Vielen Dank im Voraus.\nMit freundlichen Grüßen, {name}",
        "Ich bitte um eine schriftliche Bestätigung.\nMfG {name}",
        "Freundliche Grüße\n{name}",
    ],
    "neutral": ["Viele Grüße\n{name}", "Danke und Gruß, {name}", "LG {name}", "Danke!", "Beste Grüße"],
    "chat": ["", "", "danke", "thx", "lg", "?", "danke dir"],
}

# Complaint escalation fragments.  ``high`` ones carry the triggers the
# severity rules look for; ``medium`` ones carry emotion or urgency.
ESCALATION: dict[str, list[str]] = {
    "medium": [
        "Das ist wirklich ärgerlich.",
        "Ich bin sehr enttäuscht von Ihrem Service.",
        "So geht das nicht!",
        "Das ist eine absolute Frechheit!",
        "Langsam reicht es mir.",
        "Ich bin echt sauer.",
        "Was ist das bitte für ein Service??",
        "Ich erwarte eine umgehende Lösung.",
        "Unglaublich, wirklich.",
        "Ich bin stinksauer!!",
        "Bitte kümmern Sie sich sofort darum, das ist dringend.",
        "Das ist inakzeptabel.",
    ],
    "high_legal": [
        "Andernfalls schalte ich meinen Anwalt ein.",
        "Ich habe mich bereits an die Verbraucherzentrale gewandt.",
        "Eine Beschwerde bei der Bundesnetzagentur ist raus.",
        "Wenn bis Freitag nichts passiert, gehe ich rechtlich dagegen vor.",
        "Mein Rechtsanwalt ist bereits informiert.",
        "Ich werde die Schlichtungsstelle Energie einschalten.",
        "Notfalls klage ich das ein.",
    ],
    "high_cancel": [
        "Wenn das nicht sofort geklärt wird, kündige ich.",
        "Ich überlege ernsthaft, den Anbieter zu wechseln.",
        "Noch so eine Aktion und ich bin weg.",
        "Sonst kündige ich fristlos.",
        "Ich werde meinen Vertrag kündigen, wenn das so weitergeht.",
    ],
    "high_repeat": [
        "Ich schreibe Ihnen jetzt zum dritten Mal.",
        "Das ist bereits meine vierte Mail zu diesem Thema.",
        "Ich habe schon mehrfach angerufen und niemand hilft mir.",
        "Zum x-ten Mal: bitte kümmern Sie sich darum!",
        "Ich habe das bereits mehrmals gemeldet.",
        "Wie oft muss ich mich eigentlich noch melden?",
    ],
    "high_public": [
        "Das gibt eine 1-Sterne-Bewertung.",
        "Ich werde das auf Twitter öffentlich machen.",
        "Ich überlege, mich an die Presse zu wenden.",
        "Ich schreibe eine entsprechende Bewertung bei Trustpilot.",
        "Das poste ich jetzt auf Facebook.",
    ],
}

SLOTS: dict[str, list[str]] = {
    "order": ["4711-2231", "#100234", "A-558120", "DE-99812", "302771", "Nr. 88213"],
    "cust": ["10023344", "KD-55123", "7781200", "300-112-55", "4455001"],
    "invoice": ["R-2024-0912", "RE 778812", "2023/4411"],
    "date": ["12.03.", "1. Mai", "15.11.", "letzten Montag", "03.02.2024", "Ende Juni"],
    "month": ["Januar", "März", "Oktober", "den letzten Monat"],
    "days": ["10", "12", "14", "neun", "über 20"],
    "amount": ["49,99", "12,50", "120", "7,99", "230"],
    "phone": ["0171 2345678", "030 1234567", "0151-99887766"],
    "street": ["Lindenstraße 12, 50674 Köln", "Am Markt 3, 04109 Leipzig", "Hauptstr. 7a, 80331 München"],
    "name": ["Julia Schmidt", "M. Becker", "Thomas Wagner", "Sabine Koch", "Jens", "A. Yilmaz"],
    "years": ["zwei", "fünf", "10", "über 15"],
}
