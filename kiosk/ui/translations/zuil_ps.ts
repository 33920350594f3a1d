<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ps_AF">
<context>
    <name>AccessBar</name>
    <message>
        <source>Large text on</source>
        <translation type="unfinished">لوی متن روښانه</translation>
    </message>
    <message>
        <source>Large text off</source>
        <translation type="unfinished">لوی متن بند</translation>
    </message>
    <message>
        <source>High contrast on</source>
        <translation type="unfinished">لوړ تضاد روښانه</translation>
    </message>
    <message>
        <source>High contrast off</source>
        <translation type="unfinished">لوړ تضاد بند</translation>
    </message>
    <message>
        <source>Listen again</source>
        <translation type="unfinished">بیا واورئ</translation>
    </message>
    <message>
        <source>No audio in this language</source>
        <translation type="unfinished">په دې ژبه غږ نشته</translation>
    </message>
    <message>
        <source>Stop speaking</source>
        <translation type="unfinished">لوستل ودروه</translation>
    </message>
    <message>
        <source>Softer</source>
        <translation type="unfinished">ورو</translation>
    </message>
    <message>
        <source>Louder</source>
        <translation type="unfinished">لوړ</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation type="unfinished">لوی لیکونه</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation type="unfinished">لوړ تضاد</translation>
    </message>
</context>
<context>
    <name>CaptureScreen</name>
    <message>
        <source>Place your finger on the scanner</source>
        <translation type="unfinished">خپله ګوته په سکنر کېږدئ</translation>
    </message>
    <message>
        <source>Now: your {finger}</source>
        <translation type="unfinished">اوس: {finger}</translation>
    </message>
    <message>
        <source>Picture of both hands: your {finger} is marked</source>
        <translation type="unfinished">د دواړو لاسونو انځور: ستاسو {finger} په نښه شوې</translation>
    </message>
    <message>
        <source>Finger {0} of {1}, press {2} of {3}</source>
        <translation type="unfinished">ګوته {0} له {1}، فشار {2} له {3}</translation>
    </message>
    <message>
        <source>Image quality</source>
        <translation type="unfinished">د انځور کیفیت</translation>
    </message>
    <message>
        <source>I can't give this finger</source>
        <translation type="unfinished">زه دا ګوته نشم ورکولی</translation>
    </message>
</context>
<context>
    <name>ConsentScreen</name>
    <message>
        <source>Do you agree?</source>
        <translation type="unfinished">ایا تاسو موافق یاست؟</translation>
    </message>
    <message>
        <source>Do you agree that the LVV takes your fingerprints, as explained on the previous screen?</source>
        <translation type="unfinished">ایا تاسو موافق یاست چې LVV ستاسو د ګوتو نښې واخلي، لکه څنګه چې په مخکینۍ پاڼه کې تشریح شول؟</translation>
    </message>
    <message>
        <source>If you say no, we do not take your fingerprints. A staff member will help you further.</source>
        <translation type="unfinished">که تاسو نه ووایئ، موږ ستاسو د ګوتو نښې نه اخلو. یو کارکوونکی به له تاسو سره مرسته وکړي.</translation>
    </message>
    <message>
        <source>Yes, I agree</source>
        <translation type="unfinished">هو، زه موافق یم</translation>
    </message>
    <message>
        <source>No, I do not agree</source>
        <translation type="unfinished">نه، زه موافق نه یم</translation>
    </message>
    <message>
        <source>Read the information again</source>
        <translation type="unfinished">معلومات بیا ولولئ</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <source>Awaiting a second officer: {0}. It takes effect only when a second AVIM officer confirms it.</source>
        <translation type="unfinished">د دوهم کارمند انتظار: {0}. دا پرېکړه یوازې هغه وخت اغېز کوي چې د AVIM دوهم کارمند یې تایید کړي.</translation>
    </message>
    <message>
        <source>In force: {0}.</source>
        <translation type="unfinished">اوس نافذ: {0}.</translation>
    </message>
    <message>
        <source>No decision yet.</source>
        <translation type="unfinished">تر اوسه هېڅ پرېکړه نشته.</translation>
    </message>
    <message>
        <source>duplicate confirmed: this person enrolled before</source>
        <translation type="unfinished">دوه ځله نوم لیکنه تایید شوه: دې کس مخکې نوم لیکلی</translation>
    </message>
    <message>
        <source>not a duplicate: a different person</source>
        <translation type="unfinished">دوه ځله نه ده: بل کس دی</translation>
    </message>
    <message>
        <source>needs the local case meeting (LSO)</source>
        <translation type="unfinished">ځايي قضیو غونډې (LSO) ته اړتیا لري</translation>
    </message>
    <message>
        <source>may proceed</source>
        <translation type="unfinished">مخ ته تللی شي</translation>
    </message>
    <message>
        <source>the V-number is corrected</source>
        <translation type="unfinished">د V شمېره سمه شوه</translation>
    </message>
    <message>
        <source>Entry ban of 10 years or more</source>
        <translation type="unfinished">د 10 کلونو یا ډېر لپاره د ننوتلو بندیز</translation>
    </message>
    <message>
        <source>Declared undesirable</source>
        <translation type="unfinished">ناغوښتونکی اعلان شوی</translation>
    </message>
    <message>
        <source>EU citizen</source>
        <translation type="unfinished">د اروپايي اتحادیې تبعه</translation>
    </message>
    <message>
        <source>Dublin claimant</source>
        <translation type="unfinished">د ډبلن غوښتونکی</translation>
    </message>
    <message>
        <source>Entitled to state reception</source>
        <translation type="unfinished">د دولتي استوګنې حق لري</translation>
    </message>
    <message>
        <source>Your decision, with its reason</source>
        <translation type="unfinished">ستاسو پرېکړه، د هغې له دلیل سره</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation type="unfinished">دلیل (اړین)</translation>
    </message>
    <message>
        <source>Contra-indications for the LSO: tick what applies</source>
        <translation type="unfinished">د LSO لپاره مخنیوي نښې: هغه څه په نښه کړئ چې صدق کوي</translation>
    </message>
    <message>
        <source>Record the decision</source>
        <translation type="unfinished">پرېکړه ثبت کړئ</translation>
    </message>
    <message>
        <source>A second officer confirms</source>
        <translation type="unfinished">دوهم کارمند تاییدوي</translation>
    </message>
</context>
<context>
    <name>DeskScreen</name>
    <message>
        <source>It is shown on the screen, and not said aloud, so that nobody else hears it.</source>
        <translation type="unfinished">دا په پرده ښودل شوی دی. موږ یې په لوړ غږ نه وایو، څو بل څوک یې وانه وري.</translation>
    </message>
    <message>
        <source>Please go to the desk</source>
        <translation type="unfinished">مهرباني وکړئ میز ته لاړ شئ</translation>
    </message>
    <message>
        <source>The fingerprint scanner is not working at the moment. A staff member will help you. You may also wait here: we go on as soon as it works again.</source>
        <translation type="unfinished">د ګوتو د نښو سکنر اوس کار نه کوي. یو کارکوونکی به له تاسو سره مرسته وکړي. تاسو کولی شئ دلته هم انتظار وکړئ: کله چې بیا کار وکړي، موږ به دوام ورکړو.</translation>
    </message>
    <message>
        <source>Something went wrong on this kiosk. A staff member will help you.</source>
        <translation type="unfinished">په دې ماشین کې یوه ستونزه پېښه شوه. یو کارکوونکی به له تاسو سره مرسته وکړي.</translation>
    </message>
    <message>
        <source>A staff member will help you further. We have not taken your fingerprints.</source>
        <translation type="unfinished">یو کارکوونکی به له تاسو سره مرسته وکړي. موږ ستاسو د ګوتو نښې نه دي اخیستې.</translation>
    </message>
    <message>
        <source>Your receipt number:</source>
        <translation type="unfinished">ستاسو د رسید شمېره:</translation>
    </message>
    <message>
        <source>Picture: you walk to the desk, where a staff member is</source>
        <translation type="unfinished">انځور: تاسو میز ته ځئ، چېرې چې یو کارکوونکی دی</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished">پای</translation>
    </message>
</context>
<context>
    <name>EvidenceView</name>
    <message>
        <source>Left: this intake's print. Right: the candidate's print. Lines join the minutiae the matcher paired; a tick shows each minutia's direction, a circle marks a ridge ending, a square a bifurcation.</source>
        <translation type="unfinished">کیڼ: د دې نوم لیکنې د ګوتې نښه. ښي: د نوماند د ګوتې نښه. کرښې هغه جزئیات سره نښلوي چې مطابقت ورکوونکي جوړه کړي؛ یوه لنډه کرښه د هر جزئیاتو لوری ښيي، دایره د کرښې پای او مربع څانګه ښيي.</translation>
    </message>
    <message>
        <source>No finger could be compared.</source>
        <translation type="unfinished">هېڅ ګوته پرتله نه شوه.</translation>
    </message>
    <message>
        <source>{0}: matcher score {1:.3f} from {2} paired minutiae.</source>
        <translation type="unfinished">{0}: د مطابقت نمره {1:.3f} له {2} جوړه شویو جزئیاتو څخه.</translation>
    </message>
    <message>
        <source>Prints side by side</source>
        <translation type="unfinished">د ګوتو نښې څنګ په څنګ</translation>
    </message>
    <message>
        <source>Back to the candidates</source>
        <translation type="unfinished">بېرته نوماندانو ته</translation>
    </message>
</context>
<context>
    <name>Fingers</name>
    <message>
        <source>right thumb</source>
        <translation type="unfinished">د ښي لاس غټه ګوته</translation>
    </message>
    <message>
        <source>right index finger</source>
        <translation type="unfinished">د ښي لاس د شهادت ګوته</translation>
    </message>
    <message>
        <source>right middle finger</source>
        <translation type="unfinished">د ښي لاس منځنۍ ګوته</translation>
    </message>
    <message>
        <source>right ring finger</source>
        <translation type="unfinished">د ښي لاس د ګوتمۍ ګوته</translation>
    </message>
    <message>
        <source>right little finger</source>
        <translation type="unfinished">د ښي لاس کوچنۍ ګوته</translation>
    </message>
    <message>
        <source>left thumb</source>
        <translation type="unfinished">د کيڼ لاس غټه ګوته</translation>
    </message>
    <message>
        <source>left index finger</source>
        <translation type="unfinished">د کيڼ لاس د شهادت ګوته</translation>
    </message>
    <message>
        <source>left middle finger</source>
        <translation type="unfinished">د کيڼ لاس منځنۍ ګوته</translation>
    </message>
    <message>
        <source>left ring finger</source>
        <translation type="unfinished">د کيڼ لاس د ګوتمۍ ګوته</translation>
    </message>
    <message>
        <source>left little finger</source>
        <translation type="unfinished">د کيڼ لاس کوچنۍ ګوته</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <source>Are you still there?</source>
        <translation type="unfinished">ایا تاسو لا دلته یاست؟</translation>
    </message>
    <message>
        <source>Do you need more time? If you do not tap the button, we stop in {0} seconds and delete your answers.</source>
        <translation type="unfinished">ایا تاسو نور وخت ته اړتیا لرئ؟ که تاسو تڼۍ ونه کښېکاږئ، موږ به په {0} ثانیو کې ودرېږو او ستاسو ځوابونه به پاک کړو.</translation>
    </message>
    <message>
        <source>Yes, I need more time</source>
        <translation type="unfinished">هو، زه نور وخت ته اړتیا لرم</translation>
    </message>
</context>
<context>
    <name>InformationScreen</name>
    <message>
        <source>I have read this. Continue.</source>
        <translation type="unfinished">ما دا ولوستل. دوام ورکړئ.</translation>
    </message>
    <message>
        <source>Back to the languages</source>
        <translation type="unfinished">ژبو ته بېرته</translation>
    </message>
</context>
<context>
    <name>IntakeView</name>
    <message>
        <source>Intake {0}</source>
        <translation type="unfinished">نوم لیکنه {0}</translation>
    </message>
    <message>
        <source>No candidates.</source>
        <translation type="unfinished">هیڅ نوماند نشته.</translation>
    </message>
    <message>
        <source>Show the prints side by side</source>
        <translation type="unfinished">د ګوتو نښې څنګ په څنګ وښیه</translation>
    </message>
    <message>
        <source>{0}. person {1}: fused score {2:.2f}. A false match this strong happens less than once in a billion searches.</source>
        <translation type="unfinished">نوماند {0}: کس {1}، ګډه نمره {2:.2f}. دومره قوي غلط سمون په هرو یو میلیارد لټونونو کې له یو ځل څخه کم پېښېږي.</translation>
    </message>
    <message>
        <source>{0}. person {1}: fused score {2:.2f}. A false match this strong happens about once in {3} searches.</source>
        <translation type="unfinished">نوماند {0}: کس {1}، ګډه نمره {2:.2f}. دومره قوي غلط سمون نږدې یو ځل په هرو {3} لټونونو کې پېښېږي.</translation>
    </message>
    <message>
        <source>a location not recorded</source>
        <translation type="unfinished">یو ثبت نه شوی ځای</translation>
    </message>
    <message>
        <source>Enrolled at {0}; first enrolled on {1}.</source>
        <translation type="unfinished">په {0} کې ثبت شوی؛ لومړی ځل په {1} ثبت شو.</translation>
    </message>
    <message>
        <source>Enrolled at {0}; the gallery feed that brought this person carries no date.</source>
        <translation type="unfinished">په {0} کې ثبت شوی؛ د ګالري فیډ چې دا کس یې راوړ نېټه نه لري.</translation>
    </message>
    <message>
        <source>V-number check: none (no V-number was given, or no prints are held for it).</source>
        <translation type="unfinished">د V شمېرې څېړنه: هیڅ (V شمېره ورنه کړل شوه، یا د هغې لپاره ګوتې نشته).</translation>
    </message>
    <message>
        <source>V-number check: the prints match the prints held for this V-number.</source>
        <translation type="unfinished">د V شمېرې څېړنه: ګوتې د دې V شمېرې له ګوتو سره سمون لري.</translation>
    </message>
    <message>
        <source>V-number check: the prints do NOT match the prints held for this V-number.</source>
        <translation type="unfinished">د V شمېرې څېړنه: ګوتې د دې V شمېرې له ګوتو سره سمون نه لري.</translation>
    </message>
    <message>
        <source>Summary saved as {0}</source>
        <translation type="unfinished">لنډیز د {0} په نوم خوندي شو</translation>
    </message>
    <message>
        <source>Candidates, strongest first</source>
        <translation type="unfinished">نوماندان، تر ټولو قوي لومړی</translation>
    </message>
    <message>
        <source>Back to the queue</source>
        <translation type="unfinished">بېرته لېست ته</translation>
    </message>
    <message>
        <source>Save a one-page summary for the file (PDF)</source>
        <translation type="unfinished">د دوسیې لپاره د یوې پاڼې لنډیز خوندي کړئ (PDF)</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Delete</source>
        <translation type="unfinished">پاکول</translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished">سمه ده</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Staff login needs the kiosk's record, and this window has none.</source>
        <translation type="unfinished">د کارکوونکو ننوتل د دستګاه ثبت ته اړتیا لري، او دا کړکۍ یې نه لري.</translation>
    </message>
    <message>
        <source>Biometrics are off at this site: there is no scanner to test.</source>
        <translation type="unfinished">بایومټریک په دې ځای کې بند دی: د ازموینې لپاره سکینر نشته.</translation>
    </message>
    <message>
        <source>{0} running…</source>
        <translation type="unfinished">روان دی: {0}…</translation>
    </message>
    <message>
        <source>no V-number reader is configured here: the keypad is the only way in.</source>
        <translation type="unfinished">دلته د V شمېرې لوستونکی نشته: کیپډ یوازینۍ لاره ده.</translation>
    </message>
    <message>
        <source>a valid V-number was read (its digits are not shown)</source>
        <translation type="unfinished">یوه سمه V شمېره ولوستل شوه (شمېرې یې نه ښودل کېږي)</translation>
    </message>
    <message>
        <source>nothing read in {0:.0f} s</source>
        <translation type="unfinished">په {0:.0f} ثانیو کې هیڅ ونه لوستل شو</translation>
    </message>
    <message>
        <source>{0}: waiting for a letter or document…</source>
        <translation type="unfinished">‏{0}: د لیک یا سند په تمه…</translation>
    </message>
    <message>
        <source>The kiosk restarted. You can go on where you were.</source>
        <translation type="unfinished">ماشین بیا پیل شو. تاسو کولی شئ له هماغه ځای نه دوام ورکړئ چېرته چې وئ.</translation>
    </message>
</context>
<context>
    <name>LanguageScreen</name>
    <message>
        <source>Welcome. Choose your language.</source>
        <translation type="unfinished">ښه راغلاست. خپله ژبه وټاکئ.</translation>
    </message>
    <message>
        <source>draft translation</source>
        <translation type="unfinished">لومړنۍ ژباړه</translation>
    </message>
</context>
<context>
    <name>ProcessingScreen</name>
    <message>
        <source>One moment, please</source>
        <translation type="unfinished">مهرباني وکړئ یوه شېبه صبر وکړئ</translation>
    </message>
    <message>
        <source>We are saving your information. This takes a few seconds.</source>
        <translation type="unfinished">موږ ستاسو معلومات خوندي کوو. دا څو ثانیې وخت نیسي.</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <source>No intakes at this kiosk today.</source>
        <translation type="unfinished">نن په دې دستګاه کې هیڅ نوم لیکنه نشته.</translation>
    </message>
    <message>
        <source>No intake today with this receipt code.</source>
        <translation type="unfinished">نن ورځ د دې رسید کوډ سره هېڅ ثبت نشته.</translation>
    </message>
    <message>
        <source>may proceed</source>
        <translation type="unfinished">مخ ته تللی شي</translation>
    </message>
    <message>
        <source>may not proceed yet</source>
        <translation type="unfinished">لا مخ ته نشي تللی</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished">انتظار</translation>
    </message>
    <message>
        <source>declined</source>
        <translation type="unfinished">رد یې کړ</translation>
    </message>
    <message>
        <source>no prints</source>
        <translation type="unfinished">د ګوتو نښې نشته</translation>
    </message>
    <message>
        <source>hit</source>
        <translation type="unfinished">سمون</translation>
    </message>
    <message>
        <source>V-number mismatch</source>
        <translation type="unfinished">د V شمېره سمون نه خوري</translation>
    </message>
    <message>
        <source>no hit</source>
        <translation type="unfinished">سمون نشته</translation>
    </message>
    <message>
        <source>V-number confirmed</source>
        <translation type="unfinished">د V شمېره تایید شوه</translation>
    </message>
    <message>
        <source>the fingerprint check has not run yet</source>
        <translation type="unfinished">د ګوتو د نښو کتنه لا نه ده شوې</translation>
    </message>
    <message>
        <source>the fingerprint check found nothing that stops the intake</source>
        <translation type="unfinished">د ګوتو د نښو کتنې داسې څه ونه موندل چې نوم لیکنه ودروي</translation>
    </message>
    <message>
        <source>no fingerprint check was made; the intake proceeds as usual</source>
        <translation type="unfinished">د ګوتو د نښو کتنه ونه شوه؛ نوم لیکنه د معمول په څېر دوام کوي</translation>
    </message>
    <message>
        <source>the fingerprint check needs an AVIM officer's decision</source>
        <translation type="unfinished">د ګوتو د نښو کتنه د AVIM د کارکوونکي پرېکړې ته اړتیا لري</translation>
    </message>
    <message>
        <source>an AVIM officer's decision awaits a second officer's confirmation</source>
        <translation type="unfinished">د AVIM د کارکوونکي پرېکړه د دویم کارکوونکي تایید ته انتظار باسي</translation>
    </message>
    <message>
        <source>an AVIM officer cleared the intake</source>
        <translation type="unfinished">د AVIM یو کارکوونکي نوم لیکنه ازاده کړه</translation>
    </message>
    <message>
        <source>an AVIM officer found that this person enrolled before</source>
        <translation type="unfinished">د AVIM یو کارکوونکي وموندل چې دې کس مخکې نوم لیکلی و</translation>
    </message>
    <message>
        <source>an AVIM officer referred the intake to the local case meeting (LSO)</source>
        <translation type="unfinished">د AVIM یو کارکوونکي نوم لیکنه ځایي قضیې غونډې (LSO) ته ولېږله</translation>
    </message>
    <message>
        <source>Today's intakes at this kiosk</source>
        <translation type="unfinished">نن په دې دستګاه کې نوم لیکنې</translation>
    </message>
    <message>
        <source>Receipt code (type it or hold it to the reader), then Enter</source>
        <translation type="unfinished">د رسید کوډ (یې ولیکئ یا لوستونکي ته یې ونیسئ)، بیا انټر</translation>
    </message>
</context>
<context>
    <name>ReaderMessages</name>
    <message>
        <source>That number could not be read as a V-number. Please check it or type it instead.</source>
        <translation type="unfinished">دا شمېره د V شمېرې په توګه ونه لوستل شوه. مهرباني وکړئ وې ګورئ یا یې ولیکئ.</translation>
    </message>
    <message>
        <source>This code does not contain a V-number. You can type the number instead.</source>
        <translation type="unfinished">په دې کوډ کې V شمېره نشته. تاسو کولی شئ شمېره ولیکئ.</translation>
    </message>
    <message>
        <source>The scanner is not available right now. You can type the number instead.</source>
        <translation type="unfinished">سکنر اوس شتون نه لري. تاسو کولی شئ شمېره ولیکئ.</translation>
    </message>
    <message>
        <source>The document could not be read. Please try again or type the number instead.</source>
        <translation type="unfinished">سند ونه لوستل شو. بیا هڅه وکړئ یا شمېره ولیکئ.</translation>
    </message>
    <message>
        <source>This document does not show a V-number. Please type the number instead.</source>
        <translation type="unfinished">په دې سند کې V شمېره نه ښکاري. مهرباني وکړئ شمېره ولیکئ.</translation>
    </message>
    <message>
        <source>That did not work. You can type the number instead.</source>
        <translation type="unfinished">دا کار ونه کړ. تاسو کولی شئ شمېره ولیکئ.</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <source>It is shown on the screen, and not said aloud, so that nobody else hears it.</source>
        <translation type="unfinished">دا په پرده ښودل شوی دی. موږ یې په لوړ غږ نه وایو، څو بل څوک یې وانه وري.</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation type="unfinished">مننه</translation>
    </message>
    <message>
        <source>You have done everything at this kiosk.</source>
        <translation type="unfinished">تاسو په دې ماشین کې هر څه بشپړ کړل.</translation>
    </message>
    <message>
        <source>Your receipt number:</source>
        <translation type="unfinished">ستاسو د رسید شمېره:</translation>
    </message>
    <message>
        <source>Please go to the desk now. A staff member will help you further.</source>
        <translation type="unfinished">مهرباني وکړئ اوس میز ته لاړ شئ. یو کارکوونکی به له تاسو سره مرسته وکړي.</translation>
    </message>
    <message>
        <source>Picture: you walk to the desk, where a staff member is</source>
        <translation type="unfinished">انځور: تاسو میز ته ځئ، چېرې چې یو کارکوونکی دی</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished">پای</translation>
    </message>
</context>
<context>
    <name>RefusalReasonScreen</name>
    <message>
        <source>You said no. That is all right.</source>
        <extracomment>What the record stores for each reason button, in the buttons' order (their texts are set in retranslate)</extracomment>
        <translation type="unfinished">تاسو نه وویل. دا سمه ده.</translation>
    </message>
    <message>
        <source>You may tell us why. This is not required.</source>
        <translation type="unfinished">تاسو کولی شئ موږ ته ووایئ چې ولې. دا اړینه نه ده.</translation>
    </message>
    <message>
        <source>I do not want to say</source>
        <translation type="unfinished">زه نه غواړم ووایم</translation>
    </message>
    <message>
        <source>I am worried about what happens with my data</source>
        <translation type="unfinished">زه اندېښمن یم چې زما د معلوماتو سره به څه کېږي</translation>
    </message>
    <message>
        <source>Because of my religion or beliefs</source>
        <translation type="unfinished">د خپل دین یا باور له امله</translation>
    </message>
    <message>
        <source>Another reason</source>
        <translation type="unfinished">بل دلیل</translation>
    </message>
</context>
<context>
    <name>ScannerMessages</name>
    <message>
        <source>Place your finger flat on the glass.</source>
        <translation type="unfinished">خپله ګوته په شیشه هواره کېږدئ.</translation>
    </message>
    <message>
        <source>Place the middle of your finger in the centre of the glass and press flat.</source>
        <translation type="unfinished">د خپلې ګوتې منځنۍ برخه د شیشې په منځ کې کېږدئ او هواره یې کېکاږئ.</translation>
    </message>
    <message>
        <source>Wipe your finger and the glass, then try again.</source>
        <translation type="unfinished">خپله ګوته او شیشه پاکه کړئ، بیا هڅه وکړئ.</translation>
    </message>
    <message>
        <source>Press a little harder and keep your finger still.</source>
        <translation type="unfinished">لږ ډېر زور ورکړئ او خپله ګوته مه خوځوئ.</translation>
    </message>
    <message>
        <source>We did not see a finger in time. Try again when you are ready.</source>
        <translation type="unfinished">موږ په وخت سره ګوته ونه لیدله. کله چې چمتو یاست بیا هڅه وکړئ.</translation>
    </message>
    <message>
        <source>Place the same finger again, the same way.</source>
        <translation type="unfinished">همغه ګوته بیا په همغه ډول کېږدئ.</translation>
    </message>
    <message>
        <source>The fingerprint scanner was disconnected. Please wait a moment.</source>
        <translation type="unfinished">د ګوتو د نښو سکنر جلا شو. مهرباني وکړئ یوه شېبه صبر وکړئ.</translation>
    </message>
    <message>
        <source>The fingerprint scanner is not answering. A staff member has been told.</source>
        <translation type="unfinished">د ګوتو د نښو سکنر ځواب نه ورکوي. یو کارکوونکي ته خبر ورکړل شو.</translation>
    </message>
    <message>
        <source>The fingerprint scanner is not working. A staff member has been told.</source>
        <translation type="unfinished">د ګوتو د نښو سکنر کار نه کوي. یو کارکوونکي ته خبر ورکړل شو.</translation>
    </message>
    <message>
        <source>The scanner did not work. Please ask a staff member for help.</source>
        <translation type="unfinished">سکنر کار ونه کړ. مهرباني وکړئ له یو کارکوونکي نه مرسته وغواړئ.</translation>
    </message>
    <message>
        <source>Let us try again. Place your finger flat on the glass.</source>
        <translation type="unfinished">راځئ بیا هڅه وکړو. خپله ګوته په شیشه هواره کېږدئ.</translation>
    </message>
</context>
<context>
    <name>SecondOfficerOverlay</name>
    <message>
        <source>Second officer: to confirm the decision, your account name, then your PIN or password</source>
        <translation type="unfinished">دوهم کارمند: د پرېکړې د تایید لپاره، د خپل حساب نوم، بیا خپل PIN یا پټنوم</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation type="unfinished">د حساب نوم</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation type="unfinished">‏PIN یا پټنوم</translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished">بندول</translation>
    </message>
</context>
<context>
    <name>StaffPinOverlay</name>
    <message>
        <source>Staff: your account name, then your PIN or password</source>
        <translation type="unfinished">کارکوونکي: ستاسو د حساب نوم، بیا ستاسو PIN یا پټنوم</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation type="unfinished">د حساب نوم</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation type="unfinished">‏PIN یا پټنوم</translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished">بندول</translation>
    </message>
</context>
<context>
    <name>StaffView</name>
    <message>
        <source>Log out</source>
        <translation type="unfinished">وتل</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation type="unfinished">لوی لیکونه</translation>
    </message>
</context>
<context>
    <name>TechnicianView</name>
    <message>
        <source>Rotating the keys…</source>
        <translation type="unfinished">کلیډونه بدلېږي…</translation>
    </message>
    <message>
        <source>Keys rotated at {0} UTC: master key v{1}; new writes use {2}.</source>
        <translation type="unfinished">کلیډونه په {0} UTC بدل شول: اصلي کلیډ v{1}؛ نوې لیکنې {2} کاروي.</translation>
    </message>
    <message>
        <source>The keys were not rotated: {0}</source>
        <translation type="unfinished">کلیډونه بدل نه شول: {0}</translation>
    </message>
    <message>
        <source>No warnings or errors since the start.</source>
        <translation type="unfinished">له پیل راهیسې هیڅ خبرداری یا تېروتنه نشته.</translation>
    </message>
    <message>
        <source>OK: {0}</source>
        <translation type="unfinished">سم: {0}</translation>
    </message>
    <message>
        <source>FAILED: {0}</source>
        <translation type="unfinished">ناکام: {0}</translation>
    </message>
    <message>
        <source>None since you logged in.</source>
        <translation type="unfinished">له ننوتلو راهیسې هیڅ نه.</translation>
    </message>
    <message>
        <source>Keys: sealed by {0}, master key v{1}; {2}. Active accounts: {3}. Audit log: {4} entries.</source>
        <translation type="unfinished">کلیلونه: د {0} لخوا مهر شوي، اصلي کلیل v{1}؛ {2}. فعال حسابونه: {3}. د پلټنې لاگ: {4} ننوتنې.</translation>
    </message>
    <message>
        <source>These are demo keys: they protect nothing.</source>
        <translation type="unfinished">دا د ښودنې کلیلونه دي: هیڅ نه ساتي.</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation type="unfinished">تخنیکر</translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished">روغتیا</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation type="unfinished">سکینر</translation>
    </message>
    <message>
        <source>Self-test</source>
        <translation type="unfinished">ځان ازموینه</translation>
    </message>
    <message>
        <source>Test capture</source>
        <translation type="unfinished">ازمایښتي اخیستنه</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation type="unfinished">بیا وګورئ</translation>
    </message>
    <message>
        <source>Rotate keys</source>
        <translation type="unfinished">کلیډونه بدل کړئ</translation>
    </message>
    <message>
        <source>Rotate the keys now? A new master key and a new version of each data key are made and audited; what is stored stays readable and new writes use the new keys.</source>
        <translation type="unfinished">کلیډونه اوس بدل کړئ؟ یو نوی اصلي کلیډ او د هر معلوماتي کلیډ نوې نسخه جوړېږي او په پلټنې راپور کې ثبتېږي؛ خوندي شوي معلومات د لوستلو وړ پاتې کېږي او نوې لیکنې نوي کلیډونه کاروي.</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation type="unfinished">د کلیډونو پټنوم</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation type="unfinished">بدلول</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">لغوه کول</translation>
    </message>
    <message>
        <source>V-number reader</source>
        <translation type="unfinished">د V شمېرې لوستونکی</translation>
    </message>
    <message>
        <source>Test V-number reader</source>
        <translation type="unfinished">د V شمېرې لوستونکی ازمویل</translation>
    </message>
    <message>
        <source>Last errors</source>
        <translation type="unfinished">وروستۍ تېروتنې</translation>
    </message>
    <message>
        <source>Kiosk log: warnings and errors</source>
        <translation type="unfinished">د دستګاه لاګ: خبرداري او تېروتنې</translation>
    </message>
</context>
<context>
    <name>VNumberScreen</name>
    <message>
        <source>Do you have a V-number?</source>
        <translation type="unfinished">ایا تاسو V شمېره لرئ؟</translation>
    </message>
    <message>
        <source>A V-number has 10 digits. It is on letters from the IND and on your W-document. Type it below, then tap OK.</source>
        <translation type="unfinished">‏V شمېره 10 عددونه لري. دا د IND په لیکونو او ستاسو په W سند کې ده. لاندې یې ولیکئ، بیا سمه ده کېکاږئ.</translation>
    </message>
    <message>
        <source>This is not a V-number. A V-number has 10 digits. Please check it.</source>
        <translation type="unfinished">دا V شمېره نه ده. V شمېره 10 عددونه لري. مهرباني وکړئ وې ګورئ.</translation>
    </message>
    <message>
        <source>Or hold your letter's barcode under the reader.</source>
        <translation type="unfinished">یا د خپل لیک بارکوډ د لوستونکي لاندې ونیسئ.</translation>
    </message>
    <message>
        <source>I do not have a V-number</source>
        <translation type="unfinished">زه V شمېره نه لرم</translation>
    </message>
</context>
</TS>
