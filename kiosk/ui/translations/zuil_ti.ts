<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ti_ET">
<context>
    <name>AccessBar</name>
    <message>
        <source>Large text on</source>
        <translation type="unfinished">Large text on</translation>
    </message>
    <message>
        <source>Large text off</source>
        <translation type="unfinished">Large text off</translation>
    </message>
    <message>
        <source>High contrast on</source>
        <translation type="unfinished">High contrast on</translation>
    </message>
    <message>
        <source>High contrast off</source>
        <translation type="unfinished">High contrast off</translation>
    </message>
    <message>
        <source>Listen again</source>
        <translation type="unfinished">ደጊምካ ስማዕ</translation>
    </message>
    <message>
        <source>No audio in this language</source>
        <translation type="unfinished">ብዚ ቋንቋ ድምጺ የለን</translation>
    </message>
    <message>
        <source>Stop speaking</source>
        <translation type="unfinished">ምንባብ ኣቋርጽ</translation>
    </message>
    <message>
        <source>Softer</source>
        <translation type="unfinished">ኣንኪ</translation>
    </message>
    <message>
        <source>Louder</source>
        <translation type="unfinished">ኣዕቢ</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation type="unfinished">ዓቢ ጽሑፍ</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation type="unfinished">ልዑል ፍልልይ ሕብሪ</translation>
    </message>
</context>
<context>
    <name>CaptureScreen</name>
    <message>
        <source>Place your finger on the scanner</source>
        <translation type="unfinished">ኣጻብዕኹም ኣብ ስካነር ኣንብሩ</translation>
    </message>
    <message>
        <source>Now: your {finger}</source>
        <translation type="unfinished">ሕጂ፦ {finger}</translation>
    </message>
    <message>
        <source>Picture of both hands: your {finger} is marked</source>
        <translation type="unfinished">ስእሊ ክልቲኡ ኣእዳው፦ {finger} ተመልኪቱ ኣሎ</translation>
    </message>
    <message>
        <source>Finger {0} of {1}, press {2} of {3}</source>
        <translation type="unfinished">ኣጻብዕ {0} ካብ {1}፣ ጸቕጢ {2} ካብ {3}</translation>
    </message>
    <message>
        <source>Image quality</source>
        <translation type="unfinished">ጽሬት ስእሊ</translation>
    </message>
    <message>
        <source>I can't give this finger</source>
        <translation type="unfinished">ነዛ ኣጻብዕ ክህባ ኣይክእልን እየ</translation>
    </message>
</context>
<context>
    <name>ConsentScreen</name>
    <message>
        <source>Do you agree?</source>
        <translation type="unfinished">ትሰማምዑ ዲኹም?</translation>
    </message>
    <message>
        <source>Do you agree that the LVV takes your fingerprints, as explained on the previous screen?</source>
        <translation type="unfinished">ከምቲ ኣብቲ ዝሓለፈ ገጽ ዝተገልጸ፡ LVV ኣሻራ ኣጻብዕኹም ክወስድ ትሰማምዑ ዲኹም?</translation>
    </message>
    <message>
        <source>If you say no, we do not take your fingerprints. A staff member will help you further.</source>
        <translation type="unfinished">ኣይፋል እንተ ኢልኩም፡ ኣሻራ ኣጻብዕኹም ኣይንወስድን። ሓደ ሰራሕተኛ ክሕግዘኩም እዩ።</translation>
    </message>
    <message>
        <source>Yes, I agree</source>
        <translation type="unfinished">እወ፡ እሰማማዕ እየ</translation>
    </message>
    <message>
        <source>No, I do not agree</source>
        <translation type="unfinished">ኣይፋል፡ ኣይሰማማዕን እየ</translation>
    </message>
    <message>
        <source>Read the information again</source>
        <translation type="unfinished">ነቲ ሓበሬታ እንደገና ኣንብቡ</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <source>Awaiting a second officer: {0}. It takes effect only when a second AVIM officer confirms it.</source>
        <translation type="unfinished">Awaiting a second officer: {0}. It takes effect only when a second AVIM officer confirms it.</translation>
    </message>
    <message>
        <source>In force: {0}.</source>
        <translation type="unfinished">In force: {0}.</translation>
    </message>
    <message>
        <source>No decision yet.</source>
        <translation type="unfinished">No decision yet.</translation>
    </message>
    <message>
        <source>duplicate confirmed: this person enrolled before</source>
        <translation type="unfinished">duplicate confirmed: this person enrolled before</translation>
    </message>
    <message>
        <source>not a duplicate: a different person</source>
        <translation type="unfinished">not a duplicate: a different person</translation>
    </message>
    <message>
        <source>needs the local case meeting (LSO)</source>
        <translation type="unfinished">needs the local case meeting (LSO)</translation>
    </message>
    <message>
        <source>may proceed</source>
        <translation type="unfinished">may proceed</translation>
    </message>
    <message>
        <source>the V-number is corrected</source>
        <translation type="unfinished">the V-number is corrected</translation>
    </message>
    <message>
        <source>Entry ban of 10 years or more</source>
        <translation type="unfinished">Entry ban of 10 years or more</translation>
    </message>
    <message>
        <source>Declared undesirable</source>
        <translation type="unfinished">Declared undesirable</translation>
    </message>
    <message>
        <source>EU citizen</source>
        <translation type="unfinished">EU citizen</translation>
    </message>
    <message>
        <source>Dublin claimant</source>
        <translation type="unfinished">Dublin claimant</translation>
    </message>
    <message>
        <source>Entitled to state reception</source>
        <translation type="unfinished">Entitled to state reception</translation>
    </message>
    <message>
        <source>Your decision, with its reason</source>
        <translation type="unfinished">Your decision, with its reason</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation type="unfinished">Reason (required)</translation>
    </message>
    <message>
        <source>Contra-indications for the LSO: tick what applies</source>
        <translation type="unfinished">Contra-indications for the LSO: tick what applies</translation>
    </message>
    <message>
        <source>Record the decision</source>
        <translation type="unfinished">Record the decision</translation>
    </message>
    <message>
        <source>A second officer confirms</source>
        <translation type="unfinished">A second officer confirms</translation>
    </message>
</context>
<context>
    <name>DeskScreen</name>
    <message>
        <source>It is shown on the screen, and not said aloud, so that nobody else hears it.</source>
        <translation type="unfinished">It is shown on the screen, and not said aloud, so that nobody else hears it.</translation>
    </message>
    <message>
        <source>Please go to the desk</source>
        <translation type="unfinished">በጃኹም ናብቲ ሰደቓ ኪዱ</translation>
    </message>
    <message>
        <source>The fingerprint scanner is not working at the moment. A staff member will help you. You may also wait here: we go on as soon as it works again.</source>
        <translation type="unfinished">ስካነር ኣሻራ ኣጻብዕ ሕጂ ኣይሰርሕን ዘሎ። ሓደ ሰራሕተኛ ክሕግዘኩም እዩ። ኣብዚ ክትጽበዩ እውን ትኽእሉ ኢኹም፦ ከም ብሓድሽ ምስ ሰርሐ ንቕጽል።</translation>
    </message>
    <message>
        <source>Something went wrong on this kiosk. A staff member will help you.</source>
        <translation type="unfinished">ኣብዚ መሳርሒ ጌጋ ኣጋጢሙ። ሓደ ሰራሕተኛ ክሕግዘኩም እዩ።</translation>
    </message>
    <message>
        <source>A staff member will help you further. We have not taken your fingerprints.</source>
        <translation type="unfinished">ሓደ ሰራሕተኛ ክሕግዘኩም እዩ። ኣሻራ ኣጻብዕኹም ኣይወሰድናን።</translation>
    </message>
    <message>
        <source>Your receipt number:</source>
        <translation type="unfinished">ቁጽሪ ቅብሊትኩም፦</translation>
    </message>
    <message>
        <source>Picture: you walk to the desk, where a staff member is</source>
        <translation type="unfinished">ስእሊ፦ ናብቲ ሰራሕተኛ ዘለዎ ጠረቢዛ ትኸዱ</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished">ዛዝሙ</translation>
    </message>
</context>
<context>
    <name>EvidenceView</name>
    <message>
        <source>Left: this intake's print. Right: the candidate's print. Lines join the minutiae the matcher paired; a tick shows each minutia's direction, a circle marks a ridge ending, a square a bifurcation.</source>
        <translation type="unfinished">Left: this intake's print. Right: the candidate's print. Lines join the minutiae the matcher paired; a tick shows each minutia's direction, a circle marks a ridge ending, a square a bifurcation.</translation>
    </message>
    <message>
        <source>No finger could be compared.</source>
        <translation type="unfinished">No finger could be compared.</translation>
    </message>
    <message>
        <source>{0}: matcher score {1:.3f} from {2} paired minutiae.</source>
        <translation type="unfinished">{0}: matcher score {1:.3f} from {2} paired minutiae.</translation>
    </message>
    <message>
        <source>Prints side by side</source>
        <translation type="unfinished">Prints side by side</translation>
    </message>
    <message>
        <source>Back to the candidates</source>
        <translation type="unfinished">Back to the candidates</translation>
    </message>
</context>
<context>
    <name>Fingers</name>
    <message>
        <source>right thumb</source>
        <translation type="unfinished">ዓባይ ኣጻብዕ የማን</translation>
    </message>
    <message>
        <source>right index finger</source>
        <translation type="unfinished">ኣመልካቲት ኣጻብዕ የማን</translation>
    </message>
    <message>
        <source>right middle finger</source>
        <translation type="unfinished">ማእከላይ ኣጻብዕ የማን</translation>
    </message>
    <message>
        <source>right ring finger</source>
        <translation type="unfinished">ናይ ቀለቤት ኣጻብዕ የማን</translation>
    </message>
    <message>
        <source>right little finger</source>
        <translation type="unfinished">ንእሽቶ ኣጻብዕ የማን</translation>
    </message>
    <message>
        <source>left thumb</source>
        <translation type="unfinished">ዓባይ ኣጻብዕ ጸጋም</translation>
    </message>
    <message>
        <source>left index finger</source>
        <translation type="unfinished">ኣመልካቲት ኣጻብዕ ጸጋም</translation>
    </message>
    <message>
        <source>left middle finger</source>
        <translation type="unfinished">ማእከላይ ኣጻብዕ ጸጋም</translation>
    </message>
    <message>
        <source>left ring finger</source>
        <translation type="unfinished">ናይ ቀለቤት ኣጻብዕ ጸጋም</translation>
    </message>
    <message>
        <source>left little finger</source>
        <translation type="unfinished">ንእሽቶ ኣጻብዕ ጸጋም</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <source>Are you still there?</source>
        <translation type="unfinished">ገና ኣለኹም ዲኹም?</translation>
    </message>
    <message>
        <source>Do you need more time? If you do not tap the button, we stop in {0} seconds and delete your answers.</source>
        <translation type="unfinished">ተወሳኺ ግዜ የድልየኩም ድዩ? ነቲ መጠወቒ እንተ ዘይጠወቕኩም፡ ድሕሪ {0} ካልኢት ደው ንብል፣ መልስታትኩም ድማ ንድምስስ።</translation>
    </message>
    <message>
        <source>Yes, I need more time</source>
        <translation type="unfinished">እወ፡ ተወሳኺ ግዜ የድልየኒ እዩ</translation>
    </message>
</context>
<context>
    <name>InformationScreen</name>
    <message>
        <source>I have read this. Continue.</source>
        <translation type="unfinished">እዚ ኣንቢበዮ። ቀጽል።</translation>
    </message>
    <message>
        <source>Back to the languages</source>
        <translation type="unfinished">ናብ ቋንቋታት ተመለሱ</translation>
    </message>
</context>
<context>
    <name>IntakeView</name>
    <message>
        <source>Intake {0}</source>
        <translation type="unfinished">Intake {0}</translation>
    </message>
    <message>
        <source>No candidates.</source>
        <translation type="unfinished">No candidates.</translation>
    </message>
    <message>
        <source>Show the prints side by side</source>
        <translation type="unfinished">Show the prints side by side</translation>
    </message>
    <message>
        <source>{0}. person {1}: fused score {2:.2f}. A false match this strong happens less than once in a billion searches.</source>
        <translation type="unfinished">{0}. person {1}: fused score {2:.2f}. A false match this strong happens less than once in a billion searches.</translation>
    </message>
    <message>
        <source>{0}. person {1}: fused score {2:.2f}. A false match this strong happens about once in {3} searches.</source>
        <translation type="unfinished">{0}. person {1}: fused score {2:.2f}. A false match this strong happens about once in {3} searches.</translation>
    </message>
    <message>
        <source>a location not recorded</source>
        <translation type="unfinished">a location not recorded</translation>
    </message>
    <message>
        <source>Enrolled at {0}; first enrolled on {1}.</source>
        <translation type="unfinished">Enrolled at {0}; first enrolled on {1}.</translation>
    </message>
    <message>
        <source>Enrolled at {0}; the gallery feed that brought this person carries no date.</source>
        <translation type="unfinished">Enrolled at {0}; the gallery feed that brought this person carries no date.</translation>
    </message>
    <message>
        <source>V-number check: none (no V-number was given, or no prints are held for it).</source>
        <translation type="unfinished">V-number check: none (no V-number was given, or no prints are held for it).</translation>
    </message>
    <message>
        <source>V-number check: the prints match the prints held for this V-number.</source>
        <translation type="unfinished">V-number check: the prints match the prints held for this V-number.</translation>
    </message>
    <message>
        <source>V-number check: the prints do NOT match the prints held for this V-number.</source>
        <translation type="unfinished">V-number check: the prints do NOT match the prints held for this V-number.</translation>
    </message>
    <message>
        <source>Summary saved as {0}</source>
        <translation type="unfinished">ጽማቕ ከም {0} ተዓቂቡ</translation>
    </message>
    <message>
        <source>Candidates, strongest first</source>
        <translation type="unfinished">Candidates, strongest first</translation>
    </message>
    <message>
        <source>Back to the queue</source>
        <translation type="unfinished">Back to the queue</translation>
    </message>
    <message>
        <source>Save a one-page summary for the file (PDF)</source>
        <translation type="unfinished">ንፋይል ናይ ሓደ ገጽ ጽማቕ ዕቀብ (PDF)</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Delete</source>
        <translation type="unfinished">ደምስስ</translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished">ሕራይ</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Staff login needs the kiosk's record, and this window has none.</source>
        <translation type="unfinished">Staff login needs the kiosk's record, and this window has none.</translation>
    </message>
    <message>
        <source>Biometrics are off at this site: there is no scanner to test.</source>
        <translation type="unfinished">Biometrics are off at this site: there is no scanner to test.</translation>
    </message>
    <message>
        <source>{0} running…</source>
        <translation type="unfinished">{0} running…</translation>
    </message>
    <message>
        <source>no V-number reader is configured here: the keypad is the only way in.</source>
        <translation type="unfinished">no V-number reader is configured here: the keypad is the only way in.</translation>
    </message>
    <message>
        <source>a valid V-number was read (its digits are not shown)</source>
        <translation type="unfinished">a valid V-number was read (its digits are not shown)</translation>
    </message>
    <message>
        <source>nothing read in {0:.0f} s</source>
        <translation type="unfinished">nothing read in {0:.0f} s</translation>
    </message>
    <message>
        <source>{0}: waiting for a letter or document…</source>
        <translation type="unfinished">{0}: waiting for a letter or document…</translation>
    </message>
    <message>
        <source>The kiosk restarted. You can go on where you were.</source>
        <translation type="unfinished">መሳርሒ ደጊሙ ጀሚሩ። ካብቲ ዝነበርኩምዎ ክትቕጽሉ ትኽእሉ ኢኹም።</translation>
    </message>
</context>
<context>
    <name>LanguageScreen</name>
    <message>
        <source>Welcome. Choose your language.</source>
        <translation type="unfinished">እንቋዕ ብደሓን መጻእኹም። ቋንቋኹም ምረጹ።</translation>
    </message>
    <message>
        <source>draft translation</source>
        <translation type="unfinished">ንድፊ ትርጉም</translation>
    </message>
</context>
<context>
    <name>ProcessingScreen</name>
    <message>
        <source>One moment, please</source>
        <translation type="unfinished">በጃኹም ሓንሳእ ተጸበዩ</translation>
    </message>
    <message>
        <source>We are saving your information. This takes a few seconds.</source>
        <translation type="unfinished">ሓበሬታኹም ንዕቅብ ኣለና። እዚ ቁሩብ ካልኢታት ይወስድ።</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <source>No intakes at this kiosk today.</source>
        <translation type="unfinished">No intakes at this kiosk today.</translation>
    </message>
    <message>
        <source>No intake today with this receipt code.</source>
        <translation type="unfinished">ሎሚ በዚ ኮድ ቅብሊት ዝኾነ ምዝገባ የለን።</translation>
    </message>
    <message>
        <source>may proceed</source>
        <translation type="unfinished">may proceed</translation>
    </message>
    <message>
        <source>may not proceed yet</source>
        <translation type="unfinished">may not proceed yet</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished">waiting</translation>
    </message>
    <message>
        <source>declined</source>
        <translation type="unfinished">declined</translation>
    </message>
    <message>
        <source>no prints</source>
        <translation type="unfinished">no prints</translation>
    </message>
    <message>
        <source>hit</source>
        <translation type="unfinished">hit</translation>
    </message>
    <message>
        <source>V-number mismatch</source>
        <translation type="unfinished">V-number mismatch</translation>
    </message>
    <message>
        <source>no hit</source>
        <translation type="unfinished">no hit</translation>
    </message>
    <message>
        <source>V-number confirmed</source>
        <translation type="unfinished">V-number confirmed</translation>
    </message>
    <message>
        <source>the fingerprint check has not run yet</source>
        <translation type="unfinished">the fingerprint check has not run yet</translation>
    </message>
    <message>
        <source>the fingerprint check found nothing that stops the intake</source>
        <translation type="unfinished">the fingerprint check found nothing that stops the intake</translation>
    </message>
    <message>
        <source>no fingerprint check was made; the intake proceeds as usual</source>
        <translation type="unfinished">no fingerprint check was made; the intake proceeds as usual</translation>
    </message>
    <message>
        <source>the fingerprint check needs an AVIM officer's decision</source>
        <translation type="unfinished">the fingerprint check needs an AVIM officer's decision</translation>
    </message>
    <message>
        <source>an AVIM officer's decision awaits a second officer's confirmation</source>
        <translation type="unfinished">an AVIM officer's decision awaits a second officer's confirmation</translation>
    </message>
    <message>
        <source>an AVIM officer cleared the intake</source>
        <translation type="unfinished">an AVIM officer cleared the intake</translation>
    </message>
    <message>
        <source>an AVIM officer found that this person enrolled before</source>
        <translation type="unfinished">an AVIM officer found that this person enrolled before</translation>
    </message>
    <message>
        <source>an AVIM officer referred the intake to the local case meeting (LSO)</source>
        <translation type="unfinished">an AVIM officer referred the intake to the local case meeting (LSO)</translation>
    </message>
    <message>
        <source>Today's intakes at this kiosk</source>
        <translation type="unfinished">Today's intakes at this kiosk</translation>
    </message>
    <message>
        <source>Receipt code (type it or hold it to the reader), then Enter</source>
        <translation type="unfinished">ኮድ ቅብሊት (ጽሓፍዎ ወይ ናብ መንበቢ ኣቕርብዎ)፣ ድሕሪኡ ኢንተር</translation>
    </message>
</context>
<context>
    <name>ReaderMessages</name>
    <message>
        <source>That number could not be read as a V-number. Please check it or type it instead.</source>
        <translation type="unfinished">እዚ ቁጽሪ ከም V-ቁጽሪ ክንበብ ኣይከኣለን። በጃኹም ኣረጋግጽዎ ወይ ጽሓፍዎ።</translation>
    </message>
    <message>
        <source>This code does not contain a V-number. You can type the number instead.</source>
        <translation type="unfinished">እዚ ኮድ V-ቁጽሪ የብሉን። ቁጽሪ ክትጽሕፉ ትኽእሉ ኢኹም።</translation>
    </message>
    <message>
        <source>The scanner is not available right now. You can type the number instead.</source>
        <translation type="unfinished">እቲ ስካነር ሕጂ ኣይሰርሕን ዘሎ። ቁጽሪ ክትጽሕፉ ትኽእሉ ኢኹም።</translation>
    </message>
    <message>
        <source>The document could not be read. Please try again or type the number instead.</source>
        <translation type="unfinished">እቲ ሰነድ ክንበብ ኣይከኣለን። በጃኹም ደጊምኩም ፈትኑ ወይ ቁጽሪ ጽሓፉ።</translation>
    </message>
    <message>
        <source>This document does not show a V-number. Please type the number instead.</source>
        <translation type="unfinished">እዚ ሰነድ V-ቁጽሪ ኣየርእን። በጃኹም ቁጽሪ ጽሓፉ።</translation>
    </message>
    <message>
        <source>That did not work. You can type the number instead.</source>
        <translation type="unfinished">እዚ ኣይሰርሐን። ቁጽሪ ክትጽሕፉ ትኽእሉ ኢኹም።</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <source>It is shown on the screen, and not said aloud, so that nobody else hears it.</source>
        <translation type="unfinished">It is shown on the screen, and not said aloud, so that nobody else hears it.</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation type="unfinished">የቐንየልና</translation>
    </message>
    <message>
        <source>You have done everything at this kiosk.</source>
        <translation type="unfinished">ኣብዚ መሳርሒ ኩሉ ወዲእኩም ኢኹም።</translation>
    </message>
    <message>
        <source>Your receipt number:</source>
        <translation type="unfinished">ቁጽሪ ቅብሊትኩም፦</translation>
    </message>
    <message>
        <source>Please go to the desk now. A staff member will help you further.</source>
        <translation type="unfinished">በጃኹም ሕጂ ናብቲ ሰደቓ ኪዱ። ሓደ ሰራሕተኛ ክሕግዘኩም እዩ።</translation>
    </message>
    <message>
        <source>Picture: you walk to the desk, where a staff member is</source>
        <translation type="unfinished">ስእሊ፦ ናብቲ ሰራሕተኛ ዘለዎ ጠረቢዛ ትኸዱ</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished">ዛዝሙ</translation>
    </message>
</context>
<context>
    <name>RefusalReasonScreen</name>
    <message>
        <source>You said no. That is all right.</source>
        <extracomment>What the record stores for each reason button, in the buttons' order (their texts are set in retranslate)</extracomment>
        <translation type="unfinished">ኣይፋል ኢልኩም። ጸገም የብሉን።</translation>
    </message>
    <message>
        <source>You may tell us why. This is not required.</source>
        <translation type="unfinished">ስለምንታይ ክትነግሩና ትኽእሉ ኢኹም። ግዴታ ኣይኮነን።</translation>
    </message>
    <message>
        <source>I do not want to say</source>
        <translation type="unfinished">ክገልጾ ኣይደልን እየ</translation>
    </message>
    <message>
        <source>I am worried about what happens with my data</source>
        <translation type="unfinished">ብዛዕባ እቲ ብሓበሬታይ ዝኸውን ይሻቐል እየ</translation>
    </message>
    <message>
        <source>Because of my religion or beliefs</source>
        <translation type="unfinished">ብሰንኪ ሃይማኖተይ ወይ እምነተይ</translation>
    </message>
    <message>
        <source>Another reason</source>
        <translation type="unfinished">ካልእ ምኽንያት</translation>
    </message>
</context>
<context>
    <name>ScannerMessages</name>
    <message>
        <source>Place your finger flat on the glass.</source>
        <translation type="unfinished">ኣጻብዕኹም ብጽፍሕ ኣብ ልዕሊ እቲ መስትያት ኣንብሩ።</translation>
    </message>
    <message>
        <source>Place the middle of your finger in the centre of the glass and press flat.</source>
        <translation type="unfinished">ማእከል ኣጻብዕኹም ኣብ ማእከል እቲ መስትያት ኣንብሩ፣ ብጽፍሕ ድማ ጸቕጡ።</translation>
    </message>
    <message>
        <source>Wipe your finger and the glass, then try again.</source>
        <translation type="unfinished">ኣጻብዕኹምን መስትያትን ኣጽርዩ፣ ድሓር እንደገና ፈትኑ።</translation>
    </message>
    <message>
        <source>Press a little harder and keep your finger still.</source>
        <translation type="unfinished">ቁሩብ ብሓይሊ ጸቕጡ፣ ኣጻብዕኹም ድማ ኣየንቀሳቕሱ።</translation>
    </message>
    <message>
        <source>We did not see a finger in time. Try again when you are ready.</source>
        <translation type="unfinished">ብግዜኡ ኣጻብዕ ኣይረኣናን። ድሉዋት ምስ ኮንኩም እንደገና ፈትኑ።</translation>
    </message>
    <message>
        <source>Place the same finger again, the same way.</source>
        <translation type="unfinished">ነታ ሓንቲ ኣጻብዕ ብተመሳሳሊ መገዲ እንደገና ኣንብሩ።</translation>
    </message>
    <message>
        <source>The fingerprint scanner was disconnected. Please wait a moment.</source>
        <translation type="unfinished">ስካነር ኣሻራ ኣጻብዕ ተፈልዩ። በጃኹም ቁሩብ ተጸበዩ።</translation>
    </message>
    <message>
        <source>The fingerprint scanner is not answering. A staff member has been told.</source>
        <translation type="unfinished">ስካነር ኣሻራ ኣጻብዕ መልሲ ኣይህብን ዘሎ። ንሓደ ሰራሕተኛ ተሓቢሩ እዩ።</translation>
    </message>
    <message>
        <source>The fingerprint scanner is not working. A staff member has been told.</source>
        <translation type="unfinished">ስካነር ኣሻራ ኣጻብዕ ኣይሰርሕን ዘሎ። ንሓደ ሰራሕተኛ ተሓቢሩ እዩ።</translation>
    </message>
    <message>
        <source>The scanner did not work. Please ask a staff member for help.</source>
        <translation type="unfinished">እቲ ስካነር ኣይሰርሐን። በጃኹም ንሓደ ሰራሕተኛ ሓገዝ ሕተቱ።</translation>
    </message>
    <message>
        <source>Let us try again. Place your finger flat on the glass.</source>
        <translation type="unfinished">እንደገና ንፈትን። ኣጻብዕኹም ብጽፍሕ ኣብ ልዕሊ እቲ መስትያት ኣንብሩ።</translation>
    </message>
</context>
<context>
    <name>SecondOfficerOverlay</name>
    <message>
        <source>Second officer: to confirm the decision, your account name, then your PIN or password</source>
        <translation type="unfinished">Second officer: to confirm the decision, your account name, then your PIN or password</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation type="unfinished">Account name</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation type="unfinished">PIN or password</translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished">ዕጸው</translation>
    </message>
</context>
<context>
    <name>StaffPinOverlay</name>
    <message>
        <source>Staff: your account name, then your PIN or password</source>
        <translation type="unfinished">Staff: your account name, then your PIN or password</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation type="unfinished">Account name</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation type="unfinished">PIN or password</translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished">ዕጸው</translation>
    </message>
</context>
<context>
    <name>StaffView</name>
    <message>
        <source>Log out</source>
        <translation type="unfinished">Log out</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation type="unfinished">ዓቢ ጽሑፍ</translation>
    </message>
</context>
<context>
    <name>TechnicianView</name>
    <message>
        <source>Rotating the keys…</source>
        <translation type="unfinished">Rotating the keys…</translation>
    </message>
    <message>
        <source>Keys rotated at {0} UTC: master key v{1}; new writes use {2}.</source>
        <translation type="unfinished">Keys rotated at {0} UTC: master key v{1}; new writes use {2}.</translation>
    </message>
    <message>
        <source>The keys were not rotated: {0}</source>
        <translation type="unfinished">The keys were not rotated: {0}</translation>
    </message>
    <message>
        <source>No warnings or errors since the start.</source>
        <translation type="unfinished">No warnings or errors since the start.</translation>
    </message>
    <message>
        <source>OK: {0}</source>
        <translation type="unfinished">OK: {0}</translation>
    </message>
    <message>
        <source>FAILED: {0}</source>
        <translation type="unfinished">FAILED: {0}</translation>
    </message>
    <message>
        <source>None since you logged in.</source>
        <translation type="unfinished">None since you logged in.</translation>
    </message>
    <message>
        <source>Keys: sealed by {0}, master key v{1}; {2}. Active accounts: {3}. Audit log: {4} entries.</source>
        <translation type="unfinished">Keys: sealed by {0}, master key v{1}; {2}. Active accounts: {3}. Audit log: {4} entries.</translation>
    </message>
    <message>
        <source>These are demo keys: they protect nothing.</source>
        <translation type="unfinished">These are demo keys: they protect nothing.</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation type="unfinished">Technician</translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished">Health</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation type="unfinished">Scanner</translation>
    </message>
    <message>
        <source>Self-test</source>
        <translation type="unfinished">Self-test</translation>
    </message>
    <message>
        <source>Test capture</source>
        <translation type="unfinished">Test capture</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation type="unfinished">Check again</translation>
    </message>
    <message>
        <source>Rotate keys</source>
        <translation type="unfinished">Rotate keys</translation>
    </message>
    <message>
        <source>Rotate the keys now? A new master key and a new version of each data key are made and audited; what is stored stays readable and new writes use the new keys.</source>
        <translation type="unfinished">Rotate the keys now? A new master key and a new version of each data key are made and audited; what is stored stays readable and new writes use the new keys.</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation type="unfinished">Key passphrase</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation type="unfinished">Rotate</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Cancel</translation>
    </message>
    <message>
        <source>V-number reader</source>
        <translation type="unfinished">V-number reader</translation>
    </message>
    <message>
        <source>Test V-number reader</source>
        <translation type="unfinished">Test V-number reader</translation>
    </message>
    <message>
        <source>Last errors</source>
        <translation type="unfinished">Last errors</translation>
    </message>
    <message>
        <source>Kiosk log: warnings and errors</source>
        <translation type="unfinished">Kiosk log: warnings and errors</translation>
    </message>
</context>
<context>
    <name>VNumberScreen</name>
    <message>
        <source>Do you have a V-number?</source>
        <translation type="unfinished">ቁጽሪ V ኣለኩም ድዩ?</translation>
    </message>
    <message>
        <source>A V-number has 10 digits. It is on letters from the IND and on your W-document. Type it below, then tap OK.</source>
        <translation type="unfinished">ቁጽሪ V 10 ኣሃዛት ኣለዎ። ኣብ ደብዳቤታት IND ከምኡ'ውን ኣብ ሰነድ W ኹም ይርከብ። ኣብ ታሕቲ ጸሓፉዎ፣ ድሓር ሕራይ ጠውቑ።</translation>
    </message>
    <message>
        <source>This is not a V-number. A V-number has 10 digits. Please check it.</source>
        <translation type="unfinished">እዚ ቁጽሪ V ኣይኮነን። ቁጽሪ V 10 ኣሃዛት ኣለዎ። በጃኹም ኣረጋግጽዎ።</translation>
    </message>
    <message>
        <source>Or hold your letter's barcode under the reader.</source>
        <translation type="unfinished">ወይ ናይ ደብዳቤኹም ባርኮድ ኣብ ትሕቲ እቲ ኣንባቢ ሓዙ።</translation>
    </message>
    <message>
        <source>I do not have a V-number</source>
        <translation type="unfinished">ቁጽሪ V የብለይን</translation>
    </message>
</context>
</TS>
