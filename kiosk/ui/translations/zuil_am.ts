<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="am_ET">
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
        <translation type="unfinished">እንደገና ያዳምጡ</translation>
    </message>
    <message>
        <source>No audio in this language</source>
        <translation type="unfinished">በዚህ ቋንቋ ድምፅ የለም</translation>
    </message>
    <message>
        <source>Stop speaking</source>
        <translation type="unfinished">ማንበብ አቁም</translation>
    </message>
    <message>
        <source>Softer</source>
        <translation type="unfinished">ቀንስ</translation>
    </message>
    <message>
        <source>Louder</source>
        <translation type="unfinished">ጨምር</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation type="unfinished">ትልቅ ጽሑፍ</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation type="unfinished">ከፍተኛ ንፅፅር</translation>
    </message>
</context>
<context>
    <name>CaptureScreen</name>
    <message>
        <source>Place your finger on the scanner</source>
        <translation type="unfinished">ጣትዎን በስካነሩ ላይ ያድርጉ</translation>
    </message>
    <message>
        <source>Now: your {finger}</source>
        <translation type="unfinished">አሁን፦ {finger}</translation>
    </message>
    <message>
        <source>Picture of both hands: your {finger} is marked</source>
        <translation type="unfinished">የሁለቱም እጆች ምስል፦ {finger} ምልክት ተደርጎበታል</translation>
    </message>
    <message>
        <source>Finger {0} of {1}, press {2} of {3}</source>
        <translation type="unfinished">ጣት {0} ከ{1}፣ መጫን {2} ከ{3}</translation>
    </message>
    <message>
        <source>Image quality</source>
        <translation type="unfinished">የምስል ጥራት</translation>
    </message>
    <message>
        <source>I can't give this finger</source>
        <translation type="unfinished">ይህን ጣት መስጠት አልችልም</translation>
    </message>
</context>
<context>
    <name>ConsentScreen</name>
    <message>
        <source>Do you agree?</source>
        <translation type="unfinished">ይስማማሉ?</translation>
    </message>
    <message>
        <source>Do you agree that the LVV takes your fingerprints, as explained on the previous screen?</source>
        <translation type="unfinished">በቀደመው ገጽ እንደተብራራው LVV የጣት አሻራዎን እንዲወስድ ይስማማሉ?</translation>
    </message>
    <message>
        <source>If you say no, we do not take your fingerprints. A staff member will help you further.</source>
        <translation type="unfinished">አይ ካሉ፣ የጣት አሻራዎን አንወስድም። አንድ ሠራተኛ ይረዳዎታል።</translation>
    </message>
    <message>
        <source>Yes, I agree</source>
        <translation type="unfinished">አዎ፣ እስማማለሁ</translation>
    </message>
    <message>
        <source>No, I do not agree</source>
        <translation type="unfinished">አይ፣ አልስማማም</translation>
    </message>
    <message>
        <source>Read the information again</source>
        <translation type="unfinished">መረጃውን እንደገና ያንብቡ</translation>
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
        <translation type="unfinished">እባክዎ ወደ ጠረጴዛው ይሂዱ</translation>
    </message>
    <message>
        <source>The fingerprint scanner is not working at the moment. A staff member will help you. You may also wait here: we go on as soon as it works again.</source>
        <translation type="unfinished">የጣት አሻራ ስካነሩ አሁን አይሰራም። አንድ ሠራተኛ ይረዳዎታል። እዚህም መጠበቅ ይችላሉ፦ እንደገና ሲሰራ እንቀጥላለን።</translation>
    </message>
    <message>
        <source>Something went wrong on this kiosk. A staff member will help you.</source>
        <translation type="unfinished">በዚህ ማሽን ላይ ችግር ተፈጥሯል። አንድ ሠራተኛ ይረዳዎታል።</translation>
    </message>
    <message>
        <source>A staff member will help you further. We have not taken your fingerprints.</source>
        <translation type="unfinished">አንድ ሠራተኛ ይረዳዎታል። የጣት አሻራዎን አልወሰድንም።</translation>
    </message>
    <message>
        <source>Your receipt number:</source>
        <translation type="unfinished">የደረሰኝ ቁጥርዎ፦</translation>
    </message>
    <message>
        <source>Picture: you walk to the desk, where a staff member is</source>
        <translation type="unfinished">ምስል፦ ሰራተኛ ወዳለበት ጠረጴዛ ይሄዳሉ</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished">ጨርስ</translation>
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
        <translation type="unfinished">የቀኝ አውራ ጣት</translation>
    </message>
    <message>
        <source>right index finger</source>
        <translation type="unfinished">የቀኝ ሌባ ጣት</translation>
    </message>
    <message>
        <source>right middle finger</source>
        <translation type="unfinished">የቀኝ መሃል ጣት</translation>
    </message>
    <message>
        <source>right ring finger</source>
        <translation type="unfinished">የቀኝ ቀለበት ጣት</translation>
    </message>
    <message>
        <source>right little finger</source>
        <translation type="unfinished">የቀኝ ትንሽ ጣት</translation>
    </message>
    <message>
        <source>left thumb</source>
        <translation type="unfinished">የግራ አውራ ጣት</translation>
    </message>
    <message>
        <source>left index finger</source>
        <translation type="unfinished">የግራ ሌባ ጣት</translation>
    </message>
    <message>
        <source>left middle finger</source>
        <translation type="unfinished">የግራ መሃል ጣት</translation>
    </message>
    <message>
        <source>left ring finger</source>
        <translation type="unfinished">የግራ ቀለበት ጣት</translation>
    </message>
    <message>
        <source>left little finger</source>
        <translation type="unfinished">የግራ ትንሽ ጣት</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <source>Are you still there?</source>
        <translation type="unfinished">አሁንም እዚህ አሉ?</translation>
    </message>
    <message>
        <source>Do you need more time? If you do not tap the button, we stop in {0} seconds and delete your answers.</source>
        <translation type="unfinished">ተጨማሪ ጊዜ ያስፈልግዎታል? አዝራሩን ካልነኩ በ{0} ሰከንድ ውስጥ እናቆማለን፣ መልሶችዎንም እንሰርዛለን።</translation>
    </message>
    <message>
        <source>Yes, I need more time</source>
        <translation type="unfinished">አዎ፣ ተጨማሪ ጊዜ ያስፈልገኛል</translation>
    </message>
</context>
<context>
    <name>InformationScreen</name>
    <message>
        <source>I have read this. Continue.</source>
        <translation type="unfinished">ይህን አንብቤያለሁ። ቀጥል።</translation>
    </message>
    <message>
        <source>Back to the languages</source>
        <translation type="unfinished">ወደ ቋንቋዎቹ ተመለስ</translation>
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
        <translation type="unfinished">ማጠቃለያው እንደ {0} ተቀምጧል</translation>
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
        <translation type="unfinished">ለፋይሉ የአንድ ገጽ ማጠቃለያ አስቀምጥ (PDF)</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Delete</source>
        <translation type="unfinished">ሰርዝ</translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished">እሺ</translation>
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
        <translation type="unfinished">ማሽኑ እንደገና ተጀምሯል። ካቆሙበት ቦታ መቀጠል ይችላሉ።</translation>
    </message>
</context>
<context>
    <name>LanguageScreen</name>
    <message>
        <source>Welcome. Choose your language.</source>
        <translation type="unfinished">እንኳን ደህና መጡ። ቋንቋዎን ይምረጡ።</translation>
    </message>
    <message>
        <source>draft translation</source>
        <translation type="unfinished">ረቂቅ ትርጉም</translation>
    </message>
</context>
<context>
    <name>ProcessingScreen</name>
    <message>
        <source>One moment, please</source>
        <translation type="unfinished">እባክዎ ትንሽ ይጠብቁ</translation>
    </message>
    <message>
        <source>We are saving your information. This takes a few seconds.</source>
        <translation type="unfinished">መረጃዎን እያስቀመጥን ነው። ይህ ጥቂት ሰከንዶች ይወስዳል።</translation>
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
        <translation type="unfinished">ዛሬ በዚህ የደረሰኝ ኮድ ምዝገባ የለም።</translation>
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
        <translation type="unfinished">የደረሰኝ ኮድ (ይተይቡ ወይም ወደ አንባቢው ያቅርቡ)፣ ከዚያ ኢንተር</translation>
    </message>
</context>
<context>
    <name>ReaderMessages</name>
    <message>
        <source>That number could not be read as a V-number. Please check it or type it instead.</source>
        <translation type="unfinished">ይህ ቁጥር እንደ V-ቁጥር ሊነበብ አልቻለም። እባክዎ ያረጋግጡት ወይም ይጻፉት።</translation>
    </message>
    <message>
        <source>This code does not contain a V-number. You can type the number instead.</source>
        <translation type="unfinished">ይህ ኮድ V-ቁጥር አልያዘም። ቁጥሩን መጻፍ ይችላሉ።</translation>
    </message>
    <message>
        <source>The scanner is not available right now. You can type the number instead.</source>
        <translation type="unfinished">ስካነሩ አሁን አይገኝም። ቁጥሩን መጻፍ ይችላሉ።</translation>
    </message>
    <message>
        <source>The document could not be read. Please try again or type the number instead.</source>
        <translation type="unfinished">ሰነዱ ሊነበብ አልቻለም። እባክዎ እንደገና ይሞክሩ ወይም ቁጥሩን ይጻፉ።</translation>
    </message>
    <message>
        <source>This document does not show a V-number. Please type the number instead.</source>
        <translation type="unfinished">ይህ ሰነድ V-ቁጥር አያሳይም። እባክዎ ቁጥሩን ይጻፉ።</translation>
    </message>
    <message>
        <source>That did not work. You can type the number instead.</source>
        <translation type="unfinished">ይህ አልሰራም። ቁጥሩን መጻፍ ይችላሉ።</translation>
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
        <translation type="unfinished">እናመሰግናለን</translation>
    </message>
    <message>
        <source>You have done everything at this kiosk.</source>
        <translation type="unfinished">በዚህ ማሽን ላይ ሁሉንም ጨርሰዋል።</translation>
    </message>
    <message>
        <source>Your receipt number:</source>
        <translation type="unfinished">የደረሰኝ ቁጥርዎ፦</translation>
    </message>
    <message>
        <source>Please go to the desk now. A staff member will help you further.</source>
        <translation type="unfinished">እባክዎ አሁን ወደ ጠረጴዛው ይሂዱ። አንድ ሠራተኛ ይረዳዎታል።</translation>
    </message>
    <message>
        <source>Picture: you walk to the desk, where a staff member is</source>
        <translation type="unfinished">ምስል፦ ሰራተኛ ወዳለበት ጠረጴዛ ይሄዳሉ</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished">ጨርስ</translation>
    </message>
</context>
<context>
    <name>RefusalReasonScreen</name>
    <message>
        <source>You said no. That is all right.</source>
        <extracomment>What the record stores for each reason button, in the buttons' order (their texts are set in retranslate)</extracomment>
        <translation type="unfinished">አይ ብለዋል። ችግር የለውም።</translation>
    </message>
    <message>
        <source>You may tell us why. This is not required.</source>
        <translation type="unfinished">ለምን እንደሆነ ሊነግሩን ይችላሉ። ግዴታ አይደለም።</translation>
    </message>
    <message>
        <source>I do not want to say</source>
        <translation type="unfinished">መናገር አልፈልግም</translation>
    </message>
    <message>
        <source>I am worried about what happens with my data</source>
        <translation type="unfinished">በመረጃዬ ላይ ምን እንደሚደረግ ያሳስበኛል</translation>
    </message>
    <message>
        <source>Because of my religion or beliefs</source>
        <translation type="unfinished">በሃይማኖቴ ወይም በእምነቴ ምክንያት</translation>
    </message>
    <message>
        <source>Another reason</source>
        <translation type="unfinished">ሌላ ምክንያት</translation>
    </message>
</context>
<context>
    <name>ScannerMessages</name>
    <message>
        <source>Place your finger flat on the glass.</source>
        <translation type="unfinished">ጣትዎን በመስታወቱ ላይ ጠፍጣፋ አድርገው ያስቀምጡ።</translation>
    </message>
    <message>
        <source>Place the middle of your finger in the centre of the glass and press flat.</source>
        <translation type="unfinished">የጣትዎን መሃል በመስታወቱ መሃል ላይ አድርገው ጠፍጣፋ ይጫኑ።</translation>
    </message>
    <message>
        <source>Wipe your finger and the glass, then try again.</source>
        <translation type="unfinished">ጣትዎንና መስታወቱን ይጥረጉ፣ ከዚያ እንደገና ይሞክሩ።</translation>
    </message>
    <message>
        <source>Press a little harder and keep your finger still.</source>
        <translation type="unfinished">ትንሽ አጥብቀው ይጫኑ፣ ጣትዎንም አያንቀሳቅሱ።</translation>
    </message>
    <message>
        <source>We did not see a finger in time. Try again when you are ready.</source>
        <translation type="unfinished">በጊዜው ጣት አላየንም። ዝግጁ ሲሆኑ እንደገና ይሞክሩ።</translation>
    </message>
    <message>
        <source>Place the same finger again, the same way.</source>
        <translation type="unfinished">ያንኑ ጣት እንደገና በተመሳሳይ መንገድ ያስቀምጡ።</translation>
    </message>
    <message>
        <source>The fingerprint scanner was disconnected. Please wait a moment.</source>
        <translation type="unfinished">የጣት አሻራ ስካነሩ ተነቅሏል። እባክዎ ትንሽ ይጠብቁ።</translation>
    </message>
    <message>
        <source>The fingerprint scanner is not answering. A staff member has been told.</source>
        <translation type="unfinished">የጣት አሻራ ስካነሩ ምላሽ አይሰጥም። ለአንድ ሠራተኛ ተነግሯል።</translation>
    </message>
    <message>
        <source>The fingerprint scanner is not working. A staff member has been told.</source>
        <translation type="unfinished">የጣት አሻራ ስካነሩ አይሰራም። ለአንድ ሠራተኛ ተነግሯል።</translation>
    </message>
    <message>
        <source>The scanner did not work. Please ask a staff member for help.</source>
        <translation type="unfinished">ስካነሩ አልሰራም። እባክዎ አንድ ሠራተኛን እርዳታ ይጠይቁ።</translation>
    </message>
    <message>
        <source>Let us try again. Place your finger flat on the glass.</source>
        <translation type="unfinished">እንደገና እንሞክር። ጣትዎን በመስታወቱ ላይ ጠፍጣፋ አድርገው ያስቀምጡ።</translation>
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
        <translation type="unfinished">ዝጋ</translation>
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
        <translation type="unfinished">ዝጋ</translation>
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
        <translation type="unfinished">ትልቅ ጽሑፍ</translation>
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
        <translation type="unfinished">የV ቁጥር አለዎት?</translation>
    </message>
    <message>
        <source>A V-number has 10 digits. It is on letters from the IND and on your W-document. Type it below, then tap OK.</source>
        <translation type="unfinished">የV ቁጥር 10 አሃዞች አሉት። ከIND በሚመጡ ደብዳቤዎች እና በW ሰነድዎ ላይ ይገኛል። ከታች ይጻፉት፣ ከዚያ እሺ የሚለውን ይንኩ።</translation>
    </message>
    <message>
        <source>This is not a V-number. A V-number has 10 digits. Please check it.</source>
        <translation type="unfinished">ይህ የV ቁጥር አይደለም። የV ቁጥር 10 አሃዞች አሉት። እባክዎ ያረጋግጡት።</translation>
    </message>
    <message>
        <source>Or hold your letter's barcode under the reader.</source>
        <translation type="unfinished">ወይም የደብዳቤዎን ባርኮድ ከአንባቢው ስር ይያዙ።</translation>
    </message>
    <message>
        <source>I do not have a V-number</source>
        <translation type="unfinished">የV ቁጥር የለኝም</translation>
    </message>
</context>
</TS>
