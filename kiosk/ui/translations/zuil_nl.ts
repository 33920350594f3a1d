<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>AccessBar</name>
    <message>
        <source>Large text on</source>
        <translation>Grote letters aan</translation>
    </message>
    <message>
        <source>Large text off</source>
        <translation>Grote letters uit</translation>
    </message>
    <message>
        <source>High contrast on</source>
        <translation>Hoog contrast aan</translation>
    </message>
    <message>
        <source>High contrast off</source>
        <translation>Hoog contrast uit</translation>
    </message>
    <message>
        <source>Listen again</source>
        <translation>Opnieuw luisteren</translation>
    </message>
    <message>
        <source>No audio in this language</source>
        <translation>Geen geluid in deze taal</translation>
    </message>
    <message>
        <source>Stop speaking</source>
        <translation>Stop met voorlezen</translation>
    </message>
    <message>
        <source>Softer</source>
        <translation>Zachter</translation>
    </message>
    <message>
        <source>Louder</source>
        <translation>Luider</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>Grote letters</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Hoog contrast</translation>
    </message>
</context>
<context>
    <name>CaptureScreen</name>
    <message>
        <source>Place your finger on the scanner</source>
        <translation>Leg uw vinger op de scanner</translation>
    </message>
    <message>
        <source>Now: your {finger}</source>
        <translation>Nu: uw {finger}</translation>
    </message>
    <message>
        <source>Picture of both hands: your {finger} is marked</source>
        <translation>Afbeelding van beide handen: uw {finger} is gemarkeerd</translation>
    </message>
    <message>
        <source>Finger {0} of {1}, press {2} of {3}</source>
        <translation>Vinger {0} van {1}, keer {2} van {3}</translation>
    </message>
    <message>
        <source>Image quality</source>
        <translation>Kwaliteit van de afdruk</translation>
    </message>
    <message>
        <source>I can't give this finger</source>
        <translation>Ik kan deze vinger niet geven</translation>
    </message>
</context>
<context>
    <name>ConsentScreen</name>
    <message>
        <source>Do you agree?</source>
        <translation>Gaat u akkoord?</translation>
    </message>
    <message>
        <source>Do you agree that the LVV takes your fingerprints, as explained on the previous screen?</source>
        <translation>Gaat u ermee akkoord dat de LVV uw vingerafdrukken neemt, zoals uitgelegd op het vorige scherm?</translation>
    </message>
    <message>
        <source>If you say no, we do not take your fingerprints. A staff member will help you further.</source>
        <translation>Als u nee zegt, nemen we uw vingerafdrukken niet. Een medewerker helpt u verder.</translation>
    </message>
    <message>
        <source>Yes, I agree</source>
        <translation>Ja, ik ga akkoord</translation>
    </message>
    <message>
        <source>No, I do not agree</source>
        <translation>Nee, ik ga niet akkoord</translation>
    </message>
    <message>
        <source>Read the information again</source>
        <translation>Lees de informatie opnieuw</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <source>Awaiting a second officer: {0}. It takes effect only when a second AVIM officer confirms it.</source>
        <translation>Wacht op een tweede medewerker: {0}. Het besluit geldt pas als een tweede AVIM-medewerker het bevestigt.</translation>
    </message>
    <message>
        <source>In force: {0}.</source>
        <translation>Geldt nu: {0}.</translation>
    </message>
    <message>
        <source>No decision yet.</source>
        <translation>Nog geen besluit.</translation>
    </message>
    <message>
        <source>duplicate confirmed: this person enrolled before</source>
        <translation>dubbele aanmelding bevestigd: deze persoon heeft zich eerder aangemeld</translation>
    </message>
    <message>
        <source>not a duplicate: a different person</source>
        <translation>geen dubbele aanmelding: een andere persoon</translation>
    </message>
    <message>
        <source>needs the local case meeting (LSO)</source>
        <translation>voorleggen aan het lokale casusoverleg (LSO)</translation>
    </message>
    <message>
        <source>may proceed</source>
        <translation>mag door</translation>
    </message>
    <message>
        <source>the V-number is corrected</source>
        <translation>het V-nummer is verbeterd</translation>
    </message>
    <message>
        <source>Entry ban of 10 years or more</source>
        <translation>Inreisverbod van 10 jaar of langer</translation>
    </message>
    <message>
        <source>Declared undesirable</source>
        <translation>Ongewenst verklaard</translation>
    </message>
    <message>
        <source>EU citizen</source>
        <translation>EU-burger</translation>
    </message>
    <message>
        <source>Dublin claimant</source>
        <translation>Dublinclaimant</translation>
    </message>
    <message>
        <source>Entitled to state reception</source>
        <translation>Recht op rijksopvang</translation>
    </message>
    <message>
        <source>Your decision, with its reason</source>
        <translation>Uw besluit, met de reden</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>Reden (verplicht)</translation>
    </message>
    <message>
        <source>Contra-indications for the LSO: tick what applies</source>
        <translation>Contra-indicaties voor het LSO: vink aan wat van toepassing is</translation>
    </message>
    <message>
        <source>Record the decision</source>
        <translation>Besluit vastleggen</translation>
    </message>
    <message>
        <source>A second officer confirms</source>
        <translation>Een tweede medewerker bevestigt</translation>
    </message>
</context>
<context>
    <name>DeskScreen</name>
    <message>
        <source>It is shown on the screen, and not said aloud, so that nobody else hears it.</source>
        <translation>Het staat op het scherm. We zeggen het niet hardop, zodat niemand anders het hoort.</translation>
    </message>
    <message>
        <source>Please go to the desk</source>
        <translation>Ga naar de balie</translation>
    </message>
    <message>
        <source>The fingerprint scanner is not working at the moment. A staff member will help you. You may also wait here: we go on as soon as it works again.</source>
        <translation>De vingerafdrukscanner werkt op dit moment niet. Een medewerker helpt u. U mag ook hier wachten: we gaan verder zodra de scanner weer werkt.</translation>
    </message>
    <message>
        <source>Something went wrong on this kiosk. A staff member will help you.</source>
        <translation>Er ging iets mis met deze zuil. Een medewerker helpt u.</translation>
    </message>
    <message>
        <source>A staff member will help you further. We have not taken your fingerprints.</source>
        <translation>Een medewerker helpt u verder. We hebben uw vingerafdrukken niet genomen.</translation>
    </message>
    <message>
        <source>Your receipt number:</source>
        <translation>Uw ontvangstnummer:</translation>
    </message>
    <message>
        <source>Picture: you walk to the desk, where a staff member is</source>
        <translation>Afbeelding: u loopt naar de balie, waar een medewerker is</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Klaar</translation>
    </message>
</context>
<context>
    <name>EvidenceView</name>
    <message>
        <source>Left: this intake's print. Right: the candidate's print. Lines join the minutiae the matcher paired; a tick shows each minutia's direction, a circle marks a ridge ending, a square a bifurcation.</source>
        <translation>Links: de afdruk van deze aanmelding. Rechts: de afdruk van de kandidaat. Lijnen verbinden de minutiae die de matcher aan elkaar koppelde; een streepje toont de richting van elke minutia, een cirkel geeft een lijneinde aan, een vierkant een splitsing.</translation>
    </message>
    <message>
        <source>No finger could be compared.</source>
        <translation>Er kon geen vinger worden vergeleken.</translation>
    </message>
    <message>
        <source>{0}: matcher score {1:.3f} from {2} paired minutiae.</source>
        <translation>{0}: matcherscore {1:.3f} uit {2} gekoppelde minutiae.</translation>
    </message>
    <message>
        <source>Prints side by side</source>
        <translation>Afdrukken naast elkaar</translation>
    </message>
    <message>
        <source>Back to the candidates</source>
        <translation>Terug naar de kandidaten</translation>
    </message>
</context>
<context>
    <name>Fingers</name>
    <message>
        <source>right thumb</source>
        <translation>rechterduim</translation>
    </message>
    <message>
        <source>right index finger</source>
        <translation>rechterwijsvinger</translation>
    </message>
    <message>
        <source>right middle finger</source>
        <translation>rechtermiddelvinger</translation>
    </message>
    <message>
        <source>right ring finger</source>
        <translation>rechterringvinger</translation>
    </message>
    <message>
        <source>right little finger</source>
        <translation>rechterpink</translation>
    </message>
    <message>
        <source>left thumb</source>
        <translation>linkerduim</translation>
    </message>
    <message>
        <source>left index finger</source>
        <translation>linkerwijsvinger</translation>
    </message>
    <message>
        <source>left middle finger</source>
        <translation>linkermiddelvinger</translation>
    </message>
    <message>
        <source>left ring finger</source>
        <translation>linkerringvinger</translation>
    </message>
    <message>
        <source>left little finger</source>
        <translation>linkerpink</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <source>Are you still there?</source>
        <translation>Bent u er nog?</translation>
    </message>
    <message>
        <source>Do you need more time? If you do not tap the button, we stop in {0} seconds and delete your answers.</source>
        <translation>Heeft u meer tijd nodig? Als u niet op de knop tikt, stoppen we over {0} seconden en wissen we uw antwoorden.</translation>
    </message>
    <message>
        <source>Yes, I need more time</source>
        <translation>Ja, ik heb meer tijd nodig</translation>
    </message>
</context>
<context>
    <name>InformationScreen</name>
    <message>
        <source>I have read this. Continue.</source>
        <translation>Ik heb dit gelezen. Verder.</translation>
    </message>
    <message>
        <source>Back to the languages</source>
        <translation>Terug naar de talen</translation>
    </message>
</context>
<context>
    <name>IntakeView</name>
    <message>
        <source>Intake {0}</source>
        <translation>Aanmelding {0}</translation>
    </message>
    <message>
        <source>No candidates.</source>
        <translation>Geen kandidaten.</translation>
    </message>
    <message>
        <source>Show the prints side by side</source>
        <translation>Toon de afdrukken naast elkaar</translation>
    </message>
    <message>
        <source>{0}. person {1}: fused score {2:.2f}. A false match this strong happens less than once in a billion searches.</source>
        <translation>{0}. persoon {1}: gecombineerde score {2:.2f}. Een valse overeenkomst die zo sterk is, komt minder dan één keer voor op een miljard zoekopdrachten.</translation>
    </message>
    <message>
        <source>{0}. person {1}: fused score {2:.2f}. A false match this strong happens about once in {3} searches.</source>
        <translation>{0}. persoon {1}: gecombineerde score {2:.2f}. Een valse overeenkomst die zo sterk is, komt ongeveer één keer voor op {3} zoekopdrachten.</translation>
    </message>
    <message>
        <source>a location not recorded</source>
        <translation>een niet vastgelegde locatie</translation>
    </message>
    <message>
        <source>Enrolled at {0}; first enrolled on {1}.</source>
        <translation>Ingeschreven bij {0}; voor het eerst ingeschreven op {1}.</translation>
    </message>
    <message>
        <source>Enrolled at {0}; the gallery feed that brought this person carries no date.</source>
        <translation>Ingeschreven bij {0}; de galerijfeed die deze persoon bracht, vermeldt geen datum.</translation>
    </message>
    <message>
        <source>V-number check: none (no V-number was given, or no prints are held for it).</source>
        <translation>V-nummercontrole: geen (er is geen V-nummer gegeven, of er zijn geen afdrukken bij bekend).</translation>
    </message>
    <message>
        <source>V-number check: the prints match the prints held for this V-number.</source>
        <translation>V-nummercontrole: de afdrukken komen overeen met de afdrukken bij dit V-nummer.</translation>
    </message>
    <message>
        <source>V-number check: the prints do NOT match the prints held for this V-number.</source>
        <translation>V-nummercontrole: de afdrukken komen NIET overeen met de afdrukken bij dit V-nummer.</translation>
    </message>
    <message>
        <source>Summary saved as {0}</source>
        <translation>Samenvatting opgeslagen als {0}</translation>
    </message>
    <message>
        <source>Candidates, strongest first</source>
        <translation>Kandidaten, sterkste eerst</translation>
    </message>
    <message>
        <source>Back to the queue</source>
        <translation>Terug naar de lijst</translation>
    </message>
    <message>
        <source>Save a one-page summary for the file (PDF)</source>
        <translation>Bewaar een samenvatting van één pagina voor het dossier (pdf)</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Delete</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Staff login needs the kiosk's record, and this window has none.</source>
        <translation>Inloggen voor medewerkers vraagt de registratie van de zuil, en dit venster heeft die niet.</translation>
    </message>
    <message>
        <source>Biometrics are off at this site: there is no scanner to test.</source>
        <translation>Biometrie staat op deze locatie uit: er is geen scanner om te testen.</translation>
    </message>
    <message>
        <source>{0} running…</source>
        <translation>{0} loopt…</translation>
    </message>
    <message>
        <source>no V-number reader is configured here: the keypad is the only way in.</source>
        <translation>hier is geen V-nummerlezer ingesteld: het toetsenblok is de enige invoer.</translation>
    </message>
    <message>
        <source>a valid V-number was read (its digits are not shown)</source>
        <translation>een geldig V-nummer gelezen (de cijfers worden niet getoond)</translation>
    </message>
    <message>
        <source>nothing read in {0:.0f} s</source>
        <translation>niets gelezen in {0:.0f} s</translation>
    </message>
    <message>
        <source>{0}: waiting for a letter or document…</source>
        <translation>{0}: wacht op een brief of document…</translation>
    </message>
    <message>
        <source>The kiosk restarted. You can go on where you were.</source>
        <translation>De zuil is opnieuw gestart. U kunt verder waar u was.</translation>
    </message>
</context>
<context>
    <name>LanguageScreen</name>
    <message>
        <source>Welcome. Choose your language.</source>
        <translation>Welkom. Kies uw taal.</translation>
    </message>
    <message>
        <source>draft translation</source>
        <translation>conceptvertaling</translation>
    </message>
</context>
<context>
    <name>ProcessingScreen</name>
    <message>
        <source>One moment, please</source>
        <translation>Een ogenblik geduld</translation>
    </message>
    <message>
        <source>We are saving your information. This takes a few seconds.</source>
        <translation>We slaan uw gegevens op. Dit duurt een paar seconden.</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <source>No intakes at this kiosk today.</source>
        <translation>Vandaag nog geen aanmeldingen bij deze zuil.</translation>
    </message>
    <message>
        <source>No intake today with this receipt code.</source>
        <translation>Vandaag geen aanmelding met deze ontvangstcode.</translation>
    </message>
    <message>
        <source>may proceed</source>
        <translation>mag door</translation>
    </message>
    <message>
        <source>may not proceed yet</source>
        <translation>mag nog niet door</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wacht</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>geweigerd</translation>
    </message>
    <message>
        <source>no prints</source>
        <translation>geen afdrukken</translation>
    </message>
    <message>
        <source>hit</source>
        <translation>treffer</translation>
    </message>
    <message>
        <source>V-number mismatch</source>
        <translation>V-nummer klopt niet</translation>
    </message>
    <message>
        <source>no hit</source>
        <translation>geen treffer</translation>
    </message>
    <message>
        <source>V-number confirmed</source>
        <translation>V-nummer bevestigd</translation>
    </message>
    <message>
        <source>the fingerprint check has not run yet</source>
        <translation>de vingerafdrukcontrole is nog niet gedaan</translation>
    </message>
    <message>
        <source>the fingerprint check found nothing that stops the intake</source>
        <translation>de vingerafdrukcontrole vond niets dat de aanmelding tegenhoudt</translation>
    </message>
    <message>
        <source>no fingerprint check was made; the intake proceeds as usual</source>
        <translation>er is geen vingerafdrukcontrole gedaan; de aanmelding gaat zoals gewoonlijk door</translation>
    </message>
    <message>
        <source>the fingerprint check needs an AVIM officer's decision</source>
        <translation>de vingerafdrukcontrole vraagt een besluit van een AVIM-medewerker</translation>
    </message>
    <message>
        <source>an AVIM officer's decision awaits a second officer's confirmation</source>
        <translation>het besluit van een AVIM-medewerker wacht op bevestiging door een tweede medewerker</translation>
    </message>
    <message>
        <source>an AVIM officer cleared the intake</source>
        <translation>een AVIM-medewerker heeft de aanmelding vrijgegeven</translation>
    </message>
    <message>
        <source>an AVIM officer found that this person enrolled before</source>
        <translation>een AVIM-medewerker heeft vastgesteld dat deze persoon zich eerder heeft aangemeld</translation>
    </message>
    <message>
        <source>an AVIM officer referred the intake to the local case meeting (LSO)</source>
        <translation>een AVIM-medewerker heeft de aanmelding doorverwezen naar het lokale casusoverleg (LSO)</translation>
    </message>
    <message>
        <source>Today's intakes at this kiosk</source>
        <translation>Aanmeldingen van vandaag bij deze zuil</translation>
    </message>
    <message>
        <source>Receipt code (type it or hold it to the reader), then Enter</source>
        <translation>Ontvangstcode (typ hem of houd hem bij de lezer), dan Enter</translation>
    </message>
</context>
<context>
    <name>ReaderMessages</name>
    <message>
        <source>That number could not be read as a V-number. Please check it or type it instead.</source>
        <translation>Dat nummer is niet te lezen als V-nummer. Controleer het of typ het nummer in.</translation>
    </message>
    <message>
        <source>This code does not contain a V-number. You can type the number instead.</source>
        <translation>Deze code bevat geen V-nummer. U kunt het nummer ook intypen.</translation>
    </message>
    <message>
        <source>The scanner is not available right now. You can type the number instead.</source>
        <translation>De scanner werkt nu niet. U kunt het nummer ook intypen.</translation>
    </message>
    <message>
        <source>The document could not be read. Please try again or type the number instead.</source>
        <translation>Het document kon niet worden gelezen. Probeer het opnieuw of typ het nummer in.</translation>
    </message>
    <message>
        <source>This document does not show a V-number. Please type the number instead.</source>
        <translation>Op dit document staat geen V-nummer. Typ het nummer in.</translation>
    </message>
    <message>
        <source>That did not work. You can type the number instead.</source>
        <translation>Dat lukte niet. U kunt het nummer ook intypen.</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <source>It is shown on the screen, and not said aloud, so that nobody else hears it.</source>
        <translation>Het staat op het scherm. We zeggen het niet hardop, zodat niemand anders het hoort.</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Dank u wel</translation>
    </message>
    <message>
        <source>You have done everything at this kiosk.</source>
        <translation>U bent klaar bij deze zuil.</translation>
    </message>
    <message>
        <source>Your receipt number:</source>
        <translation>Uw ontvangstnummer:</translation>
    </message>
    <message>
        <source>Please go to the desk now. A staff member will help you further.</source>
        <translation>Ga nu naar de balie. Een medewerker helpt u verder.</translation>
    </message>
    <message>
        <source>Picture: you walk to the desk, where a staff member is</source>
        <translation>Afbeelding: u loopt naar de balie, waar een medewerker is</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Klaar</translation>
    </message>
</context>
<context>
    <name>RefusalReasonScreen</name>
    <message>
        <source>You said no. That is all right.</source>
        <extracomment>What the record stores for each reason button, in the buttons' order (their texts are set in retranslate)</extracomment>
        <translation>U hebt nee gezegd. Dat is goed.</translation>
    </message>
    <message>
        <source>You may tell us why. This is not required.</source>
        <translation>U mag ons vertellen waarom. Dat hoeft niet.</translation>
    </message>
    <message>
        <source>I do not want to say</source>
        <translation>Dat zeg ik liever niet</translation>
    </message>
    <message>
        <source>I am worried about what happens with my data</source>
        <translation>Ik maak me zorgen over wat er met mijn gegevens gebeurt</translation>
    </message>
    <message>
        <source>Because of my religion or beliefs</source>
        <translation>Vanwege mijn geloof of overtuiging</translation>
    </message>
    <message>
        <source>Another reason</source>
        <translation>Een andere reden</translation>
    </message>
</context>
<context>
    <name>ScannerMessages</name>
    <message>
        <source>Place your finger flat on the glass.</source>
        <translation>Leg uw vinger plat op het glas.</translation>
    </message>
    <message>
        <source>Place the middle of your finger in the centre of the glass and press flat.</source>
        <translation>Leg het midden van uw vinger op het midden van het glas en druk hem plat.</translation>
    </message>
    <message>
        <source>Wipe your finger and the glass, then try again.</source>
        <translation>Veeg uw vinger en het glas schoon en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Press a little harder and keep your finger still.</source>
        <translation>Druk iets harder en houd uw vinger stil.</translation>
    </message>
    <message>
        <source>We did not see a finger in time. Try again when you are ready.</source>
        <translation>We zagen niet op tijd een vinger. Probeer het opnieuw als u klaar bent.</translation>
    </message>
    <message>
        <source>Place the same finger again, the same way.</source>
        <translation>Leg dezelfde vinger nog een keer neer, op dezelfde manier.</translation>
    </message>
    <message>
        <source>The fingerprint scanner was disconnected. Please wait a moment.</source>
        <translation>De vingerafdrukscanner is losgekoppeld. Wacht even.</translation>
    </message>
    <message>
        <source>The fingerprint scanner is not answering. A staff member has been told.</source>
        <translation>De vingerafdrukscanner reageert niet. Een medewerker weet het al.</translation>
    </message>
    <message>
        <source>The fingerprint scanner is not working. A staff member has been told.</source>
        <translation>De vingerafdrukscanner werkt niet. Een medewerker weet het al.</translation>
    </message>
    <message>
        <source>The scanner did not work. Please ask a staff member for help.</source>
        <translation>De scanner werkte niet. Vraag een medewerker om hulp.</translation>
    </message>
    <message>
        <source>Let us try again. Place your finger flat on the glass.</source>
        <translation>We proberen het nog een keer. Leg uw vinger plat op het glas.</translation>
    </message>
</context>
<context>
    <name>SecondOfficerOverlay</name>
    <message>
        <source>Second officer: to confirm the decision, your account name, then your PIN or password</source>
        <translation>Tweede medewerker: om het besluit te bevestigen uw accountnaam, dan uw pincode of wachtwoord</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Accountnaam</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation>Pincode of wachtwoord</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>StaffPinOverlay</name>
    <message>
        <source>Staff: your account name, then your PIN or password</source>
        <translation>Medewerkers: uw accountnaam, dan uw pincode of wachtwoord</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Accountnaam</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation>Pincode of wachtwoord</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>StaffView</name>
    <message>
        <source>Log out</source>
        <translation>Uitloggen</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>Grote letters</translation>
    </message>
</context>
<context>
    <name>TechnicianView</name>
    <message>
        <source>Rotating the keys…</source>
        <translation>De sleutels worden vernieuwd…</translation>
    </message>
    <message>
        <source>Keys rotated at {0} UTC: master key v{1}; new writes use {2}.</source>
        <translation>Sleutels vernieuwd om {0} UTC: hoofdsleutel v{1}; nieuwe gegevens gebruiken {2}.</translation>
    </message>
    <message>
        <source>The keys were not rotated: {0}</source>
        <translation>De sleutels zijn niet vernieuwd: {0}</translation>
    </message>
    <message>
        <source>No warnings or errors since the start.</source>
        <translation>Geen waarschuwingen of fouten sinds de start.</translation>
    </message>
    <message>
        <source>OK: {0}</source>
        <translation>OK: {0}</translation>
    </message>
    <message>
        <source>FAILED: {0}</source>
        <translation>MISLUKT: {0}</translation>
    </message>
    <message>
        <source>None since you logged in.</source>
        <translation>Geen sinds u bent ingelogd.</translation>
    </message>
    <message>
        <source>Keys: sealed by {0}, master key v{1}; {2}. Active accounts: {3}. Audit log: {4} entries.</source>
        <translation>Sleutels: verzegeld door {0}, hoofdsleutel v{1}; {2}. Actieve accounts: {3}. Auditlog: {4} regels.</translation>
    </message>
    <message>
        <source>These are demo keys: they protect nothing.</source>
        <translation>Dit zijn demosleutels: ze beschermen niets.</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Technicus</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Gezondheid</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>Self-test</source>
        <translation>Zelftest</translation>
    </message>
    <message>
        <source>Test capture</source>
        <translation>Testopname</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Opnieuw controleren</translation>
    </message>
    <message>
        <source>Rotate keys</source>
        <translation>Sleutels vernieuwen</translation>
    </message>
    <message>
        <source>Rotate the keys now? A new master key and a new version of each data key are made and audited; what is stored stays readable and new writes use the new keys.</source>
        <translation>Nu de sleutels vernieuwen? Er komen een nieuwe hoofdsleutel en een nieuwe versie van elke gegevenssleutel, vastgelegd in het auditlog; wat is opgeslagen blijft leesbaar en nieuwe gegevens gebruiken de nieuwe sleutels.</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>Wachtwoordzin van de sleutels</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>V-number reader</source>
        <translation>V-nummerlezer</translation>
    </message>
    <message>
        <source>Test V-number reader</source>
        <translation>V-nummerlezer testen</translation>
    </message>
    <message>
        <source>Last errors</source>
        <translation>Laatste fouten</translation>
    </message>
    <message>
        <source>Kiosk log: warnings and errors</source>
        <translation>Logboek van de zuil: waarschuwingen en fouten</translation>
    </message>
</context>
<context>
    <name>VNumberScreen</name>
    <message>
        <source>Do you have a V-number?</source>
        <translation>Heeft u een V-nummer?</translation>
    </message>
    <message>
        <source>A V-number has 10 digits. It is on letters from the IND and on your W-document. Type it below, then tap OK.</source>
        <translation>Een V-nummer heeft 10 cijfers. Het staat op brieven van de IND en op uw W-document. Typ het hieronder en tik dan op OK.</translation>
    </message>
    <message>
        <source>This is not a V-number. A V-number has 10 digits. Please check it.</source>
        <translation>Dit is geen V-nummer. Een V-nummer heeft 10 cijfers. Controleer het nummer.</translation>
    </message>
    <message>
        <source>Or hold your letter's barcode under the reader.</source>
        <translation>Of houd de barcode van uw brief onder de lezer.</translation>
    </message>
    <message>
        <source>I do not have a V-number</source>
        <translation>Ik heb geen V-nummer</translation>
    </message>
</context>
</TS>
