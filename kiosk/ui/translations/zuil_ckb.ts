<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ku_IQ">
<context>
    <name>AccessBar</name>
    <message>
        <source>Large text on</source>
        <translation type="unfinished">نووسینی گەورە کراوەیە</translation>
    </message>
    <message>
        <source>Large text off</source>
        <translation type="unfinished">نووسینی گەورە داخراوە</translation>
    </message>
    <message>
        <source>High contrast on</source>
        <translation type="unfinished">جیاوازیی بەرز کراوەیە</translation>
    </message>
    <message>
        <source>High contrast off</source>
        <translation type="unfinished">جیاوازیی بەرز داخراوە</translation>
    </message>
    <message>
        <source>Listen again</source>
        <translation type="unfinished">دووبارە گوێ بگرە</translation>
    </message>
    <message>
        <source>No audio in this language</source>
        <translation type="unfinished">لەم زمانەدا دەنگ نییە</translation>
    </message>
    <message>
        <source>Stop speaking</source>
        <translation type="unfinished">وەستاندنی خوێندنەوە</translation>
    </message>
    <message>
        <source>Softer</source>
        <translation type="unfinished">نزمتر</translation>
    </message>
    <message>
        <source>Louder</source>
        <translation type="unfinished">بەرزتر</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation type="unfinished">نووسینی گەورە</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation type="unfinished">جیاوازیی ڕەنگی بەرز</translation>
    </message>
</context>
<context>
    <name>CaptureScreen</name>
    <message>
        <source>Place your finger on the scanner</source>
        <translation type="unfinished">پەنجەت لەسەر سکانەرەکە دابنێ</translation>
    </message>
    <message>
        <source>Now: your {finger}</source>
        <translation type="unfinished">ئێستا: {finger}</translation>
    </message>
    <message>
        <source>Picture of both hands: your {finger} is marked</source>
        <translation type="unfinished">وێنەی هەردوو دەست: {finger}ی تۆ نیشانە کراوە</translation>
    </message>
    <message>
        <source>Finger {0} of {1}, press {2} of {3}</source>
        <translation type="unfinished">پەنجەی {0} لە {1}، پەستانی {2} لە {3}</translation>
    </message>
    <message>
        <source>Image quality</source>
        <translation type="unfinished">کوالیتی وێنە</translation>
    </message>
    <message>
        <source>I can't give this finger</source>
        <translation type="unfinished">ناتوانم ئەم پەنجەیە بدەم</translation>
    </message>
</context>
<context>
    <name>ConsentScreen</name>
    <message>
        <source>Do you agree?</source>
        <translation type="unfinished">ڕازیت؟</translation>
    </message>
    <message>
        <source>Do you agree that the LVV takes your fingerprints, as explained on the previous screen?</source>
        <translation type="unfinished">ڕازیت کە LVV پەنجەمۆرەکانت وەربگرێت، وەک لە شاشەی پێشوودا ڕوونکرایەوە؟</translation>
    </message>
    <message>
        <source>If you say no, we do not take your fingerprints. A staff member will help you further.</source>
        <translation type="unfinished">ئەگەر بڵێیت نەخێر، پەنجەمۆرەکانت وەرناگرین. کارمەندێک یارمەتیت دەدات.</translation>
    </message>
    <message>
        <source>Yes, I agree</source>
        <translation type="unfinished">بەڵێ، ڕازیم</translation>
    </message>
    <message>
        <source>No, I do not agree</source>
        <translation type="unfinished">نەخێر، ڕازی نیم</translation>
    </message>
    <message>
        <source>Read the information again</source>
        <translation type="unfinished">زانیارییەکان دووبارە بخوێنەرەوە</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <source>Awaiting a second officer: {0}. It takes effect only when a second AVIM officer confirms it.</source>
        <translation type="unfinished">چاوەڕوانی کارمەندی دووەم: {0}. ئەم بڕیارە تەنها کاتێک جێبەجێ دەبێت کە کارمەندێکی دووەمی AVIM پشتڕاستی بکاتەوە.</translation>
    </message>
    <message>
        <source>In force: {0}.</source>
        <translation type="unfinished">لە کاردایە: {0}.</translation>
    </message>
    <message>
        <source>No decision yet.</source>
        <translation type="unfinished">هێشتا هیچ بڕیارێک نییە.</translation>
    </message>
    <message>
        <source>duplicate confirmed: this person enrolled before</source>
        <translation type="unfinished">دووبارەبوونەوە پشتڕاستکرایەوە: ئەم کەسە پێشتر تۆمار کراوە</translation>
    </message>
    <message>
        <source>not a duplicate: a different person</source>
        <translation type="unfinished">دووبارە نییە: کەسێکی ترە</translation>
    </message>
    <message>
        <source>needs the local case meeting (LSO)</source>
        <translation type="unfinished">پێویستی بە کۆبوونەوەی ناوخۆیی دۆسیەکان (LSO) هەیە</translation>
    </message>
    <message>
        <source>may proceed</source>
        <translation type="unfinished">دەتوانێت بەردەوام بێت</translation>
    </message>
    <message>
        <source>the V-number is corrected</source>
        <translation type="unfinished">ژمارەی V ڕاستکرایەوە</translation>
    </message>
    <message>
        <source>Entry ban of 10 years or more</source>
        <translation type="unfinished">قەدەغەی هاتنەژوورەوە بۆ 10 ساڵ یان زیاتر</translation>
    </message>
    <message>
        <source>Declared undesirable</source>
        <translation type="unfinished">ناخوازراو ڕاگەیەنراوە</translation>
    </message>
    <message>
        <source>EU citizen</source>
        <translation type="unfinished">هاووڵاتی یەکێتی ئەورووپا</translation>
    </message>
    <message>
        <source>Dublin claimant</source>
        <translation type="unfinished">داواکاری دبلن</translation>
    </message>
    <message>
        <source>Entitled to state reception</source>
        <translation type="unfinished">مافی پێشوازی دەوڵەتی هەیە</translation>
    </message>
    <message>
        <source>Your decision, with its reason</source>
        <translation type="unfinished">بڕیارەکەت، لەگەڵ هۆکارەکەی</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation type="unfinished">هۆکار (پێویستە)</translation>
    </message>
    <message>
        <source>Contra-indications for the LSO: tick what applies</source>
        <translation type="unfinished">ڕێگرییەکان بۆ کۆبوونەوەی LSO: ئەوەی جێبەجێ دەبێت نیشانە بکە</translation>
    </message>
    <message>
        <source>Record the decision</source>
        <translation type="unfinished">بڕیارەکە تۆمار بکە</translation>
    </message>
    <message>
        <source>A second officer confirms</source>
        <translation type="unfinished">کارمەندی دووەم پشتڕاستی دەکاتەوە</translation>
    </message>
</context>
<context>
    <name>DeskScreen</name>
    <message>
        <source>It is shown on the screen, and not said aloud, so that nobody else hears it.</source>
        <translation type="unfinished">لەسەر شاشەکە نیشان دراوە. بە دەنگی بەرز نایڵێین، بۆ ئەوەی کەسی تر نەیبیستێت.</translation>
    </message>
    <message>
        <source>Please go to the desk</source>
        <translation type="unfinished">تکایە بڕۆ بۆ مێزەکە</translation>
    </message>
    <message>
        <source>The fingerprint scanner is not working at the moment. A staff member will help you. You may also wait here: we go on as soon as it works again.</source>
        <translation type="unfinished">سکانەری پەنجەمۆر ئێستا کار ناکات. کارمەندێک یارمەتیت دەدات. دەتوانیت لێرەش چاوەڕێ بکەیت: هەر کە دووبارە کاری کرد بەردەوام دەبین.</translation>
    </message>
    <message>
        <source>Something went wrong on this kiosk. A staff member will help you.</source>
        <translation type="unfinished">هەڵەیەک لەم ئامێرەدا ڕوویدا. کارمەندێک یارمەتیت دەدات.</translation>
    </message>
    <message>
        <source>A staff member will help you further. We have not taken your fingerprints.</source>
        <translation type="unfinished">کارمەندێک یارمەتیت دەدات. پەنجەمۆرەکانمان وەرنەگرتووە.</translation>
    </message>
    <message>
        <source>Your receipt number:</source>
        <translation type="unfinished">ژمارەی پسوولەکەت:</translation>
    </message>
    <message>
        <source>Picture: you walk to the desk, where a staff member is</source>
        <translation type="unfinished">وێنە: دەچیت بۆ مێزەکە، کە کارمەندێکی لێیە</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished">تەواو</translation>
    </message>
</context>
<context>
    <name>EvidenceView</name>
    <message>
        <source>Left: this intake's print. Right: the candidate's print. Lines join the minutiae the matcher paired; a tick shows each minutia's direction, a circle marks a ridge ending, a square a bifurcation.</source>
        <translation type="unfinished">چەپ: پەنجەمۆری ئەم تۆمارکردنە. ڕاست: پەنجەمۆری کاندیدەکە. هێڵەکان ئەو وردەکارییانە پێکەوە دەبەستنەوە کە بەراوردکەر جووتی کردوون؛ هێڵێکی کورت ئاراستەی هەر وردەکارییەک نیشان دەدات، بازنە کۆتایی هێڵێک و چوارگۆشە لقبوونێک.</translation>
    </message>
    <message>
        <source>No finger could be compared.</source>
        <translation type="unfinished">هیچ پەنجەیەک بەراورد نەکرا.</translation>
    </message>
    <message>
        <source>{0}: matcher score {1:.3f} from {2} paired minutiae.</source>
        <translation type="unfinished">{0}: نمرەی بەراورد {1:.3f} لە {2} وردەکاریی جووتکراو.</translation>
    </message>
    <message>
        <source>Prints side by side</source>
        <translation type="unfinished">پەنجەمۆرەکان لە تەنیشت یەکتر</translation>
    </message>
    <message>
        <source>Back to the candidates</source>
        <translation type="unfinished">گەڕانەوە بۆ کاندیدەکان</translation>
    </message>
</context>
<context>
    <name>Fingers</name>
    <message>
        <source>right thumb</source>
        <translation type="unfinished">پەنجە گەورەی دەستی ڕاست</translation>
    </message>
    <message>
        <source>right index finger</source>
        <translation type="unfinished">پەنجەی شایەتمانی دەستی ڕاست</translation>
    </message>
    <message>
        <source>right middle finger</source>
        <translation type="unfinished">پەنجەی ناوەڕاستی دەستی ڕاست</translation>
    </message>
    <message>
        <source>right ring finger</source>
        <translation type="unfinished">پەنجەی ئەنگوستیلەی دەستی ڕاست</translation>
    </message>
    <message>
        <source>right little finger</source>
        <translation type="unfinished">پەنجە بچووکەی دەستی ڕاست</translation>
    </message>
    <message>
        <source>left thumb</source>
        <translation type="unfinished">پەنجە گەورەی دەستی چەپ</translation>
    </message>
    <message>
        <source>left index finger</source>
        <translation type="unfinished">پەنجەی شایەتمانی دەستی چەپ</translation>
    </message>
    <message>
        <source>left middle finger</source>
        <translation type="unfinished">پەنجەی ناوەڕاستی دەستی چەپ</translation>
    </message>
    <message>
        <source>left ring finger</source>
        <translation type="unfinished">پەنجەی ئەنگوستیلەی دەستی چەپ</translation>
    </message>
    <message>
        <source>left little finger</source>
        <translation type="unfinished">پەنجە بچووکەی دەستی چەپ</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <source>Are you still there?</source>
        <translation type="unfinished">هێشتا لێرەیت؟</translation>
    </message>
    <message>
        <source>Do you need more time? If you do not tap the button, we stop in {0} seconds and delete your answers.</source>
        <translation type="unfinished">کاتی زیاترت پێویستە؟ ئەگەر دوگمەکە دانەگریت، دوای {0} چرکە دەوەستین و وەڵامەکانت دەسڕینەوە.</translation>
    </message>
    <message>
        <source>Yes, I need more time</source>
        <translation type="unfinished">بەڵێ، کاتی زیاترم پێویستە</translation>
    </message>
</context>
<context>
    <name>InformationScreen</name>
    <message>
        <source>I have read this. Continue.</source>
        <translation type="unfinished">ئەمەم خوێندەوە. بەردەوام بە.</translation>
    </message>
    <message>
        <source>Back to the languages</source>
        <translation type="unfinished">گەڕانەوە بۆ زمانەکان</translation>
    </message>
</context>
<context>
    <name>IntakeView</name>
    <message>
        <source>Intake {0}</source>
        <translation type="unfinished">تۆمارکردن {0}</translation>
    </message>
    <message>
        <source>No candidates.</source>
        <translation type="unfinished">هیچ کاندیدێک نییە.</translation>
    </message>
    <message>
        <source>Show the prints side by side</source>
        <translation type="unfinished">پەنجەمۆرەکان لە تەنیشت یەکتر پیشان بدە</translation>
    </message>
    <message>
        <source>{0}. person {1}: fused score {2:.2f}. A false match this strong happens less than once in a billion searches.</source>
        <translation type="unfinished">کاندیدی {0}: کەسی {1}، نمرەی تێکەڵ {2:.2f}. هاوتابوونێکی هەڵەی ئەوەندە بەهێز کەمتر لە یەک جار لە هەر ملیارێک گەڕاندا ڕوودەدات.</translation>
    </message>
    <message>
        <source>{0}. person {1}: fused score {2:.2f}. A false match this strong happens about once in {3} searches.</source>
        <translation type="unfinished">کاندیدی {0}: کەسی {1}، نمرەی تێکەڵ {2:.2f}. هاوتابوونێکی هەڵەی ئەوەندە بەهێز نزیکەی یەک جار لە هەر {3} گەڕانێکدا ڕوودەدات.</translation>
    </message>
    <message>
        <source>a location not recorded</source>
        <translation type="unfinished">شوێنێکی تۆمارنەکراو</translation>
    </message>
    <message>
        <source>Enrolled at {0}; first enrolled on {1}.</source>
        <translation type="unfinished">تۆمارکراوە لە {0}؛ یەکەمجار لە {1} تۆمارکرا.</translation>
    </message>
    <message>
        <source>Enrolled at {0}; the gallery feed that brought this person carries no date.</source>
        <translation type="unfinished">تۆمارکراوە لە {0}؛ فیدی گەلەری کە ئەم کەسەی هێنا هیچ بەروارێکی نییە.</translation>
    </message>
    <message>
        <source>V-number check: none (no V-number was given, or no prints are held for it).</source>
        <translation type="unfinished">پشکنینی ژمارەی V: هیچ (ژمارەی V نەدرا، یان هیچ پەنجەمۆرێک بۆی نییە).</translation>
    </message>
    <message>
        <source>V-number check: the prints match the prints held for this V-number.</source>
        <translation type="unfinished">پشکنینی ژمارەی V: پەنجەمۆرەکان لەگەڵ پەنجەمۆرەکانی ئەم ژمارەی V یەک دەگرنەوە.</translation>
    </message>
    <message>
        <source>V-number check: the prints do NOT match the prints held for this V-number.</source>
        <translation type="unfinished">پشکنینی ژمارەی V: پەنجەمۆرەکان لەگەڵ پەنجەمۆرەکانی ئەم ژمارەی V یەک ناگرنەوە.</translation>
    </message>
    <message>
        <source>Summary saved as {0}</source>
        <translation type="unfinished">پوختە وەک {0} پاشەکەوت کرا</translation>
    </message>
    <message>
        <source>Candidates, strongest first</source>
        <translation type="unfinished">کاندیدەکان، بەهێزترین یەکەم</translation>
    </message>
    <message>
        <source>Back to the queue</source>
        <translation type="unfinished">گەڕانەوە بۆ لیستەکە</translation>
    </message>
    <message>
        <source>Save a one-page summary for the file (PDF)</source>
        <translation type="unfinished">پوختەیەکی یەک لاپەڕەیی بۆ دۆسیەکە پاشەکەوت بکە (PDF)</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Delete</source>
        <translation type="unfinished">سڕینەوە</translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished">باشە</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Staff login needs the kiosk's record, and this window has none.</source>
        <translation type="unfinished">چوونەژوورەوەی کارمەندان پێویستی بە تۆماری دەزگاکەیە، و ئەم پەنجەرەیە نییەتی.</translation>
    </message>
    <message>
        <source>Biometrics are off at this site: there is no scanner to test.</source>
        <translation type="unfinished">بایۆمەتری لەم شوێنە کوژاوەتەوە: هیچ سکانەرێک نییە بۆ تاقیکردنەوە.</translation>
    </message>
    <message>
        <source>{0} running…</source>
        <translation type="unfinished">کاردەکات: {0}…</translation>
    </message>
    <message>
        <source>no V-number reader is configured here: the keypad is the only way in.</source>
        <translation type="unfinished">لێرە خوێنەرەوەی ژمارەی V نییە: تەختەی ژمارە تاکە ڕێگەیە.</translation>
    </message>
    <message>
        <source>a valid V-number was read (its digits are not shown)</source>
        <translation type="unfinished">ژمارەیەکی V ی دروست خوێندرایەوە (ژمارەکانی پیشان نادرێن)</translation>
    </message>
    <message>
        <source>nothing read in {0:.0f} s</source>
        <translation type="unfinished">لە {0:.0f} چرکەدا هیچ نەخوێندرایەوە</translation>
    </message>
    <message>
        <source>{0}: waiting for a letter or document…</source>
        <translation type="unfinished">‏{0}: چاوەڕوانی نامە یان بەڵگەنامە…</translation>
    </message>
    <message>
        <source>The kiosk restarted. You can go on where you were.</source>
        <translation type="unfinished">ئامێرەکە دووبارە دەستی پێکردەوە. دەتوانیت لەو شوێنەوە بەردەوام بیت کە لێی بوویت.</translation>
    </message>
</context>
<context>
    <name>LanguageScreen</name>
    <message>
        <source>Welcome. Choose your language.</source>
        <translation type="unfinished">بەخێربێیت. زمانەکەت هەڵبژێرە.</translation>
    </message>
    <message>
        <source>draft translation</source>
        <translation type="unfinished">وەرگێڕانی سەرەتایی</translation>
    </message>
</context>
<context>
    <name>ProcessingScreen</name>
    <message>
        <source>One moment, please</source>
        <translation type="unfinished">تکایە کەمێک چاوەڕێ بکە</translation>
    </message>
    <message>
        <source>We are saving your information. This takes a few seconds.</source>
        <translation type="unfinished">زانیارییەکانت هەڵدەگرین. ئەمە چەند چرکەیەک دەخایەنێت.</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <source>No intakes at this kiosk today.</source>
        <translation type="unfinished">ئەمڕۆ هیچ تۆمارکردنێک لەم دەزگایە نییە.</translation>
    </message>
    <message>
        <source>No intake today with this receipt code.</source>
        <translation type="unfinished">ئەمڕۆ هیچ تۆمارێک بەم کۆدی پسوولەیە نییە.</translation>
    </message>
    <message>
        <source>may proceed</source>
        <translation type="unfinished">دەتوانێت بەردەوام بێت</translation>
    </message>
    <message>
        <source>may not proceed yet</source>
        <translation type="unfinished">هێشتا ناتوانێت بەردەوام بێت</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished">چاوەڕوان</translation>
    </message>
    <message>
        <source>declined</source>
        <translation type="unfinished">ڕەتی کردەوە</translation>
    </message>
    <message>
        <source>no prints</source>
        <translation type="unfinished">پەنجەمۆر نییە</translation>
    </message>
    <message>
        <source>hit</source>
        <translation type="unfinished">هاوتابوون</translation>
    </message>
    <message>
        <source>V-number mismatch</source>
        <translation type="unfinished">ژمارەی V ناگونجێت</translation>
    </message>
    <message>
        <source>no hit</source>
        <translation type="unfinished">هاوتابوون نییە</translation>
    </message>
    <message>
        <source>V-number confirmed</source>
        <translation type="unfinished">ژمارەی V پشتڕاستکرایەوە</translation>
    </message>
    <message>
        <source>the fingerprint check has not run yet</source>
        <translation type="unfinished">پشکنینی پەنجەمۆر هێشتا نەکراوە</translation>
    </message>
    <message>
        <source>the fingerprint check found nothing that stops the intake</source>
        <translation type="unfinished">پشکنینی پەنجەمۆر هیچی نەدۆزیەوە کە تۆمارکردن ڕابگرێت</translation>
    </message>
    <message>
        <source>no fingerprint check was made; the intake proceeds as usual</source>
        <translation type="unfinished">پشکنینی پەنجەمۆر نەکرا؛ تۆمارکردن وەک هەمیشە بەردەوام دەبێت</translation>
    </message>
    <message>
        <source>the fingerprint check needs an AVIM officer's decision</source>
        <translation type="unfinished">پشکنینی پەنجەمۆر پێویستی بە بڕیاری کارمەندێکی AVIM هەیە</translation>
    </message>
    <message>
        <source>an AVIM officer's decision awaits a second officer's confirmation</source>
        <translation type="unfinished">بڕیاری کارمەندێکی AVIM چاوەڕێی پشتڕاستکردنەوەی کارمەندێکی دووەمە</translation>
    </message>
    <message>
        <source>an AVIM officer cleared the intake</source>
        <translation type="unfinished">کارمەندێکی AVIM تۆمارکردنەکەی ئازاد کرد</translation>
    </message>
    <message>
        <source>an AVIM officer found that this person enrolled before</source>
        <translation type="unfinished">کارمەندێکی AVIM دۆزیەوە کە ئەم کەسە پێشتر تۆمار کراوە</translation>
    </message>
    <message>
        <source>an AVIM officer referred the intake to the local case meeting (LSO)</source>
        <translation type="unfinished">کارمەندێکی AVIM تۆمارکردنەکەی ناردە کۆبوونەوەی ناوخۆیی کەیسەکان (LSO)</translation>
    </message>
    <message>
        <source>Today's intakes at this kiosk</source>
        <translation type="unfinished">تۆمارکردنەکانی ئەمڕۆ لەم دەزگایە</translation>
    </message>
    <message>
        <source>Receipt code (type it or hold it to the reader), then Enter</source>
        <translation type="unfinished">کۆدی پسوولە (بینووسە یان بیگرە بەرامبەر خوێنەرەوە)، پاشان ئینتەر</translation>
    </message>
</context>
<context>
    <name>ReaderMessages</name>
    <message>
        <source>That number could not be read as a V-number. Please check it or type it instead.</source>
        <translation type="unfinished">ئەم ژمارەیە وەک ژمارەی V نەخوێندرایەوە. تکایە بیپشکنە یان بینووسە.</translation>
    </message>
    <message>
        <source>This code does not contain a V-number. You can type the number instead.</source>
        <translation type="unfinished">ئەم کۆدە ژمارەی V ی تێدا نییە. دەتوانیت ژمارەکە بنووسیت.</translation>
    </message>
    <message>
        <source>The scanner is not available right now. You can type the number instead.</source>
        <translation type="unfinished">سکانەرەکە ئێستا بەردەست نییە. دەتوانیت ژمارەکە بنووسیت.</translation>
    </message>
    <message>
        <source>The document could not be read. Please try again or type the number instead.</source>
        <translation type="unfinished">بەڵگەنامەکە نەخوێندرایەوە. دووبارە هەوڵ بدە یان ژمارەکە بنووسە.</translation>
    </message>
    <message>
        <source>This document does not show a V-number. Please type the number instead.</source>
        <translation type="unfinished">ئەم بەڵگەنامەیە ژمارەی V نیشان نادات. تکایە ژمارەکە بنووسە.</translation>
    </message>
    <message>
        <source>That did not work. You can type the number instead.</source>
        <translation type="unfinished">ئەوە سەرکەوتوو نەبوو. دەتوانیت ژمارەکە بنووسیت.</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <source>It is shown on the screen, and not said aloud, so that nobody else hears it.</source>
        <translation type="unfinished">لەسەر شاشەکە نیشان دراوە. بە دەنگی بەرز نایڵێین، بۆ ئەوەی کەسی تر نەیبیستێت.</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation type="unfinished">سوپاس</translation>
    </message>
    <message>
        <source>You have done everything at this kiosk.</source>
        <translation type="unfinished">هەموو شتێکت لەم ئامێرەدا تەواو کرد.</translation>
    </message>
    <message>
        <source>Your receipt number:</source>
        <translation type="unfinished">ژمارەی پسوولەکەت:</translation>
    </message>
    <message>
        <source>Please go to the desk now. A staff member will help you further.</source>
        <translation type="unfinished">تکایە ئێستا بڕۆ بۆ مێزەکە. کارمەندێک یارمەتیت دەدات.</translation>
    </message>
    <message>
        <source>Picture: you walk to the desk, where a staff member is</source>
        <translation type="unfinished">وێنە: دەچیت بۆ مێزەکە، کە کارمەندێکی لێیە</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished">تەواو</translation>
    </message>
</context>
<context>
    <name>RefusalReasonScreen</name>
    <message>
        <source>You said no. That is all right.</source>
        <extracomment>What the record stores for each reason button, in the buttons' order (their texts are set in retranslate)</extracomment>
        <translation type="unfinished">گوتت نەخێر. ئەمە کێشە نییە.</translation>
    </message>
    <message>
        <source>You may tell us why. This is not required.</source>
        <translation type="unfinished">دەتوانیت پێمان بڵێیت بۆچی. ئەمە پێویست نییە.</translation>
    </message>
    <message>
        <source>I do not want to say</source>
        <translation type="unfinished">نامەوێت بیڵێم</translation>
    </message>
    <message>
        <source>I am worried about what happens with my data</source>
        <translation type="unfinished">نیگەرانم لەوەی چی بەسەر زانیارییەکانمدا دێت</translation>
    </message>
    <message>
        <source>Because of my religion or beliefs</source>
        <translation type="unfinished">بەهۆی ئایین یان باوەڕەکانمەوە</translation>
    </message>
    <message>
        <source>Another reason</source>
        <translation type="unfinished">هۆکارێکی تر</translation>
    </message>
</context>
<context>
    <name>ScannerMessages</name>
    <message>
        <source>Place your finger flat on the glass.</source>
        <translation type="unfinished">پەنجەت بە تەختی لەسەر شووشەکە دابنێ.</translation>
    </message>
    <message>
        <source>Place the middle of your finger in the centre of the glass and press flat.</source>
        <translation type="unfinished">ناوەڕاستی پەنجەت لە ناوەڕاستی شووشەکەدا دابنێ و بە تەختی دایبگرە.</translation>
    </message>
    <message>
        <source>Wipe your finger and the glass, then try again.</source>
        <translation type="unfinished">پەنجەت و شووشەکە پاک بکەرەوە، پاشان دووبارە هەوڵ بدەرەوە.</translation>
    </message>
    <message>
        <source>Press a little harder and keep your finger still.</source>
        <translation type="unfinished">کەمێک بەهێزتر دایبگرە و پەنجەت مەجوڵێنە.</translation>
    </message>
    <message>
        <source>We did not see a finger in time. Try again when you are ready.</source>
        <translation type="unfinished">لە کاتی خۆیدا پەنجەمان نەبینی. هەر کاتێک ئامادە بوویت دووبارە هەوڵ بدەرەوە.</translation>
    </message>
    <message>
        <source>Place the same finger again, the same way.</source>
        <translation type="unfinished">هەمان پەنجە دووبارە بە هەمان شێوە دابنێ.</translation>
    </message>
    <message>
        <source>The fingerprint scanner was disconnected. Please wait a moment.</source>
        <translation type="unfinished">پەیوەندی سکانەری پەنجەمۆر پچڕا. تکایە کەمێک چاوەڕێ بکە.</translation>
    </message>
    <message>
        <source>The fingerprint scanner is not answering. A staff member has been told.</source>
        <translation type="unfinished">سکانەری پەنجەمۆر وەڵام ناداتەوە. کارمەندێک ئاگادار کرایەوە.</translation>
    </message>
    <message>
        <source>The fingerprint scanner is not working. A staff member has been told.</source>
        <translation type="unfinished">سکانەری پەنجەمۆر کار ناکات. کارمەندێک ئاگادار کرایەوە.</translation>
    </message>
    <message>
        <source>The scanner did not work. Please ask a staff member for help.</source>
        <translation type="unfinished">سکانەرەکە کاری نەکرد. تکایە داوای یارمەتی لە کارمەندێک بکە.</translation>
    </message>
    <message>
        <source>Let us try again. Place your finger flat on the glass.</source>
        <translation type="unfinished">با دووبارە هەوڵ بدەینەوە. پەنجەت بە تەختی لەسەر شووشەکە دابنێ.</translation>
    </message>
</context>
<context>
    <name>SecondOfficerOverlay</name>
    <message>
        <source>Second officer: to confirm the decision, your account name, then your PIN or password</source>
        <translation type="unfinished">کارمەندی دووەم: بۆ پشتڕاستکردنەوەی بڕیارەکە، ناوی هەژمارەکەت، پاشان PIN یان وشەی نهێنییەکەت</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation type="unfinished">ناوی هەژمار</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation type="unfinished">‏PIN یان وشەی نهێنی</translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished">داخستن</translation>
    </message>
</context>
<context>
    <name>StaffPinOverlay</name>
    <message>
        <source>Staff: your account name, then your PIN or password</source>
        <translation type="unfinished">کارمەندان: ناوی هەژمارەکەت، پاشان PIN یان وشەی نهێنی</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation type="unfinished">ناوی هەژمار</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation type="unfinished">‏PIN یان وشەی نهێنی</translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished">داخستن</translation>
    </message>
</context>
<context>
    <name>StaffView</name>
    <message>
        <source>Log out</source>
        <translation type="unfinished">چوونەدەرەوە</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation type="unfinished">نووسینی گەورە</translation>
    </message>
</context>
<context>
    <name>TechnicianView</name>
    <message>
        <source>Rotating the keys…</source>
        <translation type="unfinished">کلیلەکان دەگۆڕدرێن…</translation>
    </message>
    <message>
        <source>Keys rotated at {0} UTC: master key v{1}; new writes use {2}.</source>
        <translation type="unfinished">کلیلەکان لە {0} UTC گۆڕدران: کلیلی سەرەکی v{1}؛ نووسینە نوێیەکان {2} بەکاردەهێنن.</translation>
    </message>
    <message>
        <source>The keys were not rotated: {0}</source>
        <translation type="unfinished">کلیلەکان نەگۆڕدران: {0}</translation>
    </message>
    <message>
        <source>No warnings or errors since the start.</source>
        <translation type="unfinished">لە دەستپێکەوە هیچ ئاگادارکردنەوە یان هەڵەیەک نییە.</translation>
    </message>
    <message>
        <source>OK: {0}</source>
        <translation type="unfinished">سەرکەوتوو: {0}</translation>
    </message>
    <message>
        <source>FAILED: {0}</source>
        <translation type="unfinished">سەرنەکەوتوو: {0}</translation>
    </message>
    <message>
        <source>None since you logged in.</source>
        <translation type="unfinished">هیچ لەوەتەی چوویتە ژوورەوە.</translation>
    </message>
    <message>
        <source>Keys: sealed by {0}, master key v{1}; {2}. Active accounts: {3}. Audit log: {4} entries.</source>
        <translation type="unfinished">کلیلەکان: مۆرکراون لەلایەن {0}، کلیلی سەرەکی v{1}؛ {2}. هەژمارە چالاکەکان: {3}. تۆماری وردبینی: {4} تۆمار.</translation>
    </message>
    <message>
        <source>These are demo keys: they protect nothing.</source>
        <translation type="unfinished">ئەمانە کلیلی نموونەن: هیچ ناپارێزن.</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation type="unfinished">تەکنیکار</translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished">تەندروستی</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation type="unfinished">سکانەر</translation>
    </message>
    <message>
        <source>Self-test</source>
        <translation type="unfinished">خۆتاقیکردنەوە</translation>
    </message>
    <message>
        <source>Test capture</source>
        <translation type="unfinished">وەرگرتنی تاقیکاری</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation type="unfinished">دووبارە بپشکنە</translation>
    </message>
    <message>
        <source>Rotate keys</source>
        <translation type="unfinished">گۆڕینی کلیلەکان</translation>
    </message>
    <message>
        <source>Rotate the keys now? A new master key and a new version of each data key are made and audited; what is stored stays readable and new writes use the new keys.</source>
        <translation type="unfinished">ئێستا کلیلەکان بگۆڕدرێن؟ کلیلێکی سەرەکی نوێ و وەشانێکی نوێی هەر کلیلێکی داتا دروست دەکرێن و لە تۆماری پشکنیندا تۆمار دەکرێن؛ ئەوەی هەڵگیراوە دەخوێندرێتەوە و نووسینە نوێیەکان کلیلە نوێیەکان بەکاردەهێنن.</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation type="unfinished">وشەی نهێنیی کلیلەکان</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation type="unfinished">گۆڕین</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">هەڵوەشاندنەوە</translation>
    </message>
    <message>
        <source>V-number reader</source>
        <translation type="unfinished">خوێنەرەوەی ژمارەی V</translation>
    </message>
    <message>
        <source>Test V-number reader</source>
        <translation type="unfinished">تاقیکردنەوەی خوێنەرەوەی ژمارەی V</translation>
    </message>
    <message>
        <source>Last errors</source>
        <translation type="unfinished">دوایین هەڵەکان</translation>
    </message>
    <message>
        <source>Kiosk log: warnings and errors</source>
        <translation type="unfinished">تۆماری ئامێر: ئاگادارکردنەوە و هەڵەکان</translation>
    </message>
</context>
<context>
    <name>VNumberScreen</name>
    <message>
        <source>Do you have a V-number?</source>
        <translation type="unfinished">ژمارەی V ـت هەیە؟</translation>
    </message>
    <message>
        <source>A V-number has 10 digits. It is on letters from the IND and on your W-document. Type it below, then tap OK.</source>
        <translation type="unfinished">ژمارەی V لە 10 ژمارە پێکدێت. لەسەر نامەکانی IND و بەڵگەنامەی W ـەکەتە. لە خوارەوە بینووسە، پاشان باشە دابگرە.</translation>
    </message>
    <message>
        <source>This is not a V-number. A V-number has 10 digits. Please check it.</source>
        <translation type="unfinished">ئەمە ژمارەی V نییە. ژمارەی V لە 10 ژمارە پێکدێت. تکایە بیپشکنە.</translation>
    </message>
    <message>
        <source>Or hold your letter's barcode under the reader.</source>
        <translation type="unfinished">یان بارکۆدی نامەکەت لە ژێر خوێنەرەکە ڕابگرە.</translation>
    </message>
    <message>
        <source>I do not have a V-number</source>
        <translation type="unfinished">ژمارەی V م نییە</translation>
    </message>
</context>
</TS>
