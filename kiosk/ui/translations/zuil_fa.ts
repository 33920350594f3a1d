<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>AccessBar</name>
    <message>
        <source>Large text on</source>
        <translation type="unfinished">متن بزرگ روشن</translation>
    </message>
    <message>
        <source>Large text off</source>
        <translation type="unfinished">متن بزرگ خاموش</translation>
    </message>
    <message>
        <source>High contrast on</source>
        <translation type="unfinished">کنتراست بالا روشن</translation>
    </message>
    <message>
        <source>High contrast off</source>
        <translation type="unfinished">کنتراست بالا خاموش</translation>
    </message>
    <message>
        <source>Listen again</source>
        <translation type="unfinished">دوباره گوش دهید</translation>
    </message>
    <message>
        <source>No audio in this language</source>
        <translation type="unfinished">صدا به این زبان وجود ندارد</translation>
    </message>
    <message>
        <source>Stop speaking</source>
        <translation type="unfinished">توقف خواندن</translation>
    </message>
    <message>
        <source>Softer</source>
        <translation type="unfinished">آهسته‌تر</translation>
    </message>
    <message>
        <source>Louder</source>
        <translation type="unfinished">بلندتر</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation type="unfinished">متن بزرگ</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation type="unfinished">کنتراست بالا</translation>
    </message>
</context>
<context>
    <name>CaptureScreen</name>
    <message>
        <source>Place your finger on the scanner</source>
        <translation type="unfinished">انگشت خود را روی اسکنر بگذارید</translation>
    </message>
    <message>
        <source>Now: your {finger}</source>
        <translation type="unfinished">اکنون: {finger}</translation>
    </message>
    <message>
        <source>Picture of both hands: your {finger} is marked</source>
        <translation type="unfinished">تصویر هر دو دست: {finger} شما مشخص شده است</translation>
    </message>
    <message>
        <source>Finger {0} of {1}, press {2} of {3}</source>
        <translation type="unfinished">انگشت {0} از {1}، فشار {2} از {3}</translation>
    </message>
    <message>
        <source>Image quality</source>
        <translation type="unfinished">کیفیت تصویر</translation>
    </message>
    <message>
        <source>I can't give this finger</source>
        <translation type="unfinished">نمی‌توانم این انگشت را بدهم</translation>
    </message>
</context>
<context>
    <name>ConsentScreen</name>
    <message>
        <source>Do you agree?</source>
        <translation type="unfinished">آیا موافقید؟</translation>
    </message>
    <message>
        <source>Do you agree that the LVV takes your fingerprints, as explained on the previous screen?</source>
        <translation type="unfinished">آیا موافقید که LVV اثر انگشت‌های شما را بگیرد، همان‌طور که در صفحهٔ قبل توضیح داده شد؟</translation>
    </message>
    <message>
        <source>If you say no, we do not take your fingerprints. A staff member will help you further.</source>
        <translation type="unfinished">اگر نه بگویید، اثر انگشت شما را نمی‌گیریم. یکی از کارکنان به شما کمک می‌کند.</translation>
    </message>
    <message>
        <source>Yes, I agree</source>
        <translation type="unfinished">بله، موافقم</translation>
    </message>
    <message>
        <source>No, I do not agree</source>
        <translation type="unfinished">نه، موافق نیستم</translation>
    </message>
    <message>
        <source>Read the information again</source>
        <translation type="unfinished">اطلاعات را دوباره بخوانید</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <source>Awaiting a second officer: {0}. It takes effect only when a second AVIM officer confirms it.</source>
        <translation type="unfinished">در انتظار مأمور دوم: {0}. این تصمیم فقط وقتی اجرا می‌شود که یک مأمور دوم AVIM آن را تأیید کند.</translation>
    </message>
    <message>
        <source>In force: {0}.</source>
        <translation type="unfinished">در حال اجرا: {0}.</translation>
    </message>
    <message>
        <source>No decision yet.</source>
        <translation type="unfinished">هنوز تصمیمی گرفته نشده است.</translation>
    </message>
    <message>
        <source>duplicate confirmed: this person enrolled before</source>
        <translation type="unfinished">ثبت تکراری تأیید شد: این شخص قبلاً ثبت‌نام کرده است</translation>
    </message>
    <message>
        <source>not a duplicate: a different person</source>
        <translation type="unfinished">تکراری نیست: شخص دیگری است</translation>
    </message>
    <message>
        <source>needs the local case meeting (LSO)</source>
        <translation type="unfinished">نیاز به جلسه محلی پرونده‌ها (LSO)</translation>
    </message>
    <message>
        <source>may proceed</source>
        <translation type="unfinished">می‌تواند ادامه دهد</translation>
    </message>
    <message>
        <source>the V-number is corrected</source>
        <translation type="unfinished">شماره V اصلاح شد</translation>
    </message>
    <message>
        <source>Entry ban of 10 years or more</source>
        <translation type="unfinished">ممنوعیت ورود برای 10 سال یا بیشتر</translation>
    </message>
    <message>
        <source>Declared undesirable</source>
        <translation type="unfinished">اعلام‌شده به عنوان فرد نامطلوب</translation>
    </message>
    <message>
        <source>EU citizen</source>
        <translation type="unfinished">شهروند اتحادیه اروپا</translation>
    </message>
    <message>
        <source>Dublin claimant</source>
        <translation type="unfinished">متقاضی مشمول دوبلین</translation>
    </message>
    <message>
        <source>Entitled to state reception</source>
        <translation type="unfinished">دارای حق پذیرش دولتی</translation>
    </message>
    <message>
        <source>Your decision, with its reason</source>
        <translation type="unfinished">تصمیم شما، همراه با دلیل آن</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation type="unfinished">دلیل (الزامی)</translation>
    </message>
    <message>
        <source>Contra-indications for the LSO: tick what applies</source>
        <translation type="unfinished">موانع برای جلسه LSO: موارد صدق‌کننده را علامت بزنید</translation>
    </message>
    <message>
        <source>Record the decision</source>
        <translation type="unfinished">ثبت تصمیم</translation>
    </message>
    <message>
        <source>A second officer confirms</source>
        <translation type="unfinished">مأمور دوم تأیید می‌کند</translation>
    </message>
</context>
<context>
    <name>DeskScreen</name>
    <message>
        <source>It is shown on the screen, and not said aloud, so that nobody else hears it.</source>
        <translation type="unfinished">روی صفحه نشان داده شده است. آن را بلند نمی‌گوییم تا کس دیگری نشنود.</translation>
    </message>
    <message>
        <source>Please go to the desk</source>
        <translation type="unfinished">لطفاً به میز پذیرش بروید</translation>
    </message>
    <message>
        <source>The fingerprint scanner is not working at the moment. A staff member will help you. You may also wait here: we go on as soon as it works again.</source>
        <translation type="unfinished">اسکنر اثر انگشت در حال حاضر کار نمی‌کند. یکی از کارکنان به شما کمک می‌کند. می‌توانید اینجا هم منتظر بمانید: وقتی دوباره کار کند ادامه می‌دهیم.</translation>
    </message>
    <message>
        <source>Something went wrong on this kiosk. A staff member will help you.</source>
        <translation type="unfinished">در این دستگاه مشکلی پیش آمد. یکی از کارکنان به شما کمک می‌کند.</translation>
    </message>
    <message>
        <source>A staff member will help you further. We have not taken your fingerprints.</source>
        <translation type="unfinished">یکی از کارکنان به شما کمک می‌کند. ما اثر انگشت شما را نگرفته‌ایم.</translation>
    </message>
    <message>
        <source>Your receipt number:</source>
        <translation type="unfinished">شمارهٔ رسید شما:</translation>
    </message>
    <message>
        <source>Picture: you walk to the desk, where a staff member is</source>
        <translation type="unfinished">تصویر: شما به میز می‌روید، جایی که یک کارمند هست</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished">پایان</translation>
    </message>
</context>
<context>
    <name>EvidenceView</name>
    <message>
        <source>Left: this intake's print. Right: the candidate's print. Lines join the minutiae the matcher paired; a tick shows each minutia's direction, a circle marks a ridge ending, a square a bifurcation.</source>
        <translation type="unfinished">چپ: اثر انگشت این ثبت‌نام. راست: اثر انگشت نامزد. خط‌ها جزئیاتی را که تطبیق‌دهنده با هم جفت کرده به هم وصل می‌کنند؛ یک خط کوتاه جهت هر جزئیات را نشان می‌دهد، دایره پایان خط و مربع انشعاب را.</translation>
    </message>
    <message>
        <source>No finger could be compared.</source>
        <translation type="unfinished">هیچ انگشتی قابل مقایسه نبود.</translation>
    </message>
    <message>
        <source>{0}: matcher score {1:.3f} from {2} paired minutiae.</source>
        <translation type="unfinished">{0}: امتیاز تطبیق {1:.3f} از {2} جزئیات جفت‌شده.</translation>
    </message>
    <message>
        <source>Prints side by side</source>
        <translation type="unfinished">اثر انگشت‌ها کنار هم</translation>
    </message>
    <message>
        <source>Back to the candidates</source>
        <translation type="unfinished">بازگشت به نامزدها</translation>
    </message>
</context>
<context>
    <name>Fingers</name>
    <message>
        <source>right thumb</source>
        <translation type="unfinished">شست دست راست</translation>
    </message>
    <message>
        <source>right index finger</source>
        <translation type="unfinished">انگشت اشارهٔ دست راست</translation>
    </message>
    <message>
        <source>right middle finger</source>
        <translation type="unfinished">انگشت میانی دست راست</translation>
    </message>
    <message>
        <source>right ring finger</source>
        <translation type="unfinished">انگشت حلقهٔ دست راست</translation>
    </message>
    <message>
        <source>right little finger</source>
        <translation type="unfinished">انگشت کوچک دست راست</translation>
    </message>
    <message>
        <source>left thumb</source>
        <translation type="unfinished">شست دست چپ</translation>
    </message>
    <message>
        <source>left index finger</source>
        <translation type="unfinished">انگشت اشارهٔ دست چپ</translation>
    </message>
    <message>
        <source>left middle finger</source>
        <translation type="unfinished">انگشت میانی دست چپ</translation>
    </message>
    <message>
        <source>left ring finger</source>
        <translation type="unfinished">انگشت حلقهٔ دست چپ</translation>
    </message>
    <message>
        <source>left little finger</source>
        <translation type="unfinished">انگشت کوچک دست چپ</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <source>Are you still there?</source>
        <translation type="unfinished">هنوز اینجا هستید؟</translation>
    </message>
    <message>
        <source>Do you need more time? If you do not tap the button, we stop in {0} seconds and delete your answers.</source>
        <translation type="unfinished">وقت بیشتری لازم دارید؟ اگر دکمه را لمس نکنید، بعد از {0} ثانیه متوقف می‌شویم و پاسخ‌های شما را پاک می‌کنیم.</translation>
    </message>
    <message>
        <source>Yes, I need more time</source>
        <translation type="unfinished">بله، وقت بیشتری لازم دارم</translation>
    </message>
</context>
<context>
    <name>InformationScreen</name>
    <message>
        <source>I have read this. Continue.</source>
        <translation type="unfinished">این را خواندم. ادامه.</translation>
    </message>
    <message>
        <source>Back to the languages</source>
        <translation type="unfinished">بازگشت به زبان‌ها</translation>
    </message>
</context>
<context>
    <name>IntakeView</name>
    <message>
        <source>Intake {0}</source>
        <translation type="unfinished">ثبت‌نام {0}</translation>
    </message>
    <message>
        <source>No candidates.</source>
        <translation type="unfinished">نامزدی وجود ندارد.</translation>
    </message>
    <message>
        <source>Show the prints side by side</source>
        <translation type="unfinished">نمایش اثر انگشت‌ها کنار هم</translation>
    </message>
    <message>
        <source>{0}. person {1}: fused score {2:.2f}. A false match this strong happens less than once in a billion searches.</source>
        <translation type="unfinished">نامزد {0}: شخص {1}، امتیاز ترکیبی {2:.2f}. تطابق نادرستی به این قوت کمتر از یک بار در هر میلیارد جستجو رخ می‌دهد.</translation>
    </message>
    <message>
        <source>{0}. person {1}: fused score {2:.2f}. A false match this strong happens about once in {3} searches.</source>
        <translation type="unfinished">نامزد {0}: شخص {1}، امتیاز ترکیبی {2:.2f}. تطابق نادرستی به این قوت تقریباً یک بار در هر {3} جستجو رخ می‌دهد.</translation>
    </message>
    <message>
        <source>a location not recorded</source>
        <translation type="unfinished">مکانی ثبت‌نشده</translation>
    </message>
    <message>
        <source>Enrolled at {0}; first enrolled on {1}.</source>
        <translation type="unfinished">ثبت‌شده در {0}؛ نخستین ثبت در {1}.</translation>
    </message>
    <message>
        <source>Enrolled at {0}; the gallery feed that brought this person carries no date.</source>
        <translation type="unfinished">ثبت‌شده در {0}؛ فید گالری که این شخص را آورد تاریخی ندارد.</translation>
    </message>
    <message>
        <source>V-number check: none (no V-number was given, or no prints are held for it).</source>
        <translation type="unfinished">بررسی شماره V: هیچ (شماره V داده نشد، یا اثر انگشتی برای آن نگه داشته نشده است).</translation>
    </message>
    <message>
        <source>V-number check: the prints match the prints held for this V-number.</source>
        <translation type="unfinished">بررسی شماره V: اثر انگشت‌ها با اثر انگشت‌های این شماره V مطابقت دارند.</translation>
    </message>
    <message>
        <source>V-number check: the prints do NOT match the prints held for this V-number.</source>
        <translation type="unfinished">بررسی شماره V: اثر انگشت‌ها با اثر انگشت‌های این شماره V مطابقت ندارند.</translation>
    </message>
    <message>
        <source>Summary saved as {0}</source>
        <translation type="unfinished">خلاصه با نام {0} ذخیره شد</translation>
    </message>
    <message>
        <source>Candidates, strongest first</source>
        <translation type="unfinished">نامزدها، قوی‌ترین اول</translation>
    </message>
    <message>
        <source>Back to the queue</source>
        <translation type="unfinished">بازگشت به فهرست</translation>
    </message>
    <message>
        <source>Save a one-page summary for the file (PDF)</source>
        <translation type="unfinished">ذخیرهٔ خلاصهٔ یک‌صفحه‌ای برای پرونده (PDF)</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Delete</source>
        <translation type="unfinished">پاک کردن</translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished">تأیید</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Staff login needs the kiosk's record, and this window has none.</source>
        <translation type="unfinished">ورود کارکنان به پروندهٔ دستگاه نیاز دارد و این پنجره آن را ندارد.</translation>
    </message>
    <message>
        <source>Biometrics are off at this site: there is no scanner to test.</source>
        <translation type="unfinished">بیومتریک در این مکان خاموش است: اسکنری برای آزمایش وجود ندارد.</translation>
    </message>
    <message>
        <source>{0} running…</source>
        <translation type="unfinished">در حال اجرای {0}…</translation>
    </message>
    <message>
        <source>no V-number reader is configured here: the keypad is the only way in.</source>
        <translation type="unfinished">اینجا خواننده شماره V تنظیم نشده است: صفحه‌کلید تنها راه ورود است.</translation>
    </message>
    <message>
        <source>a valid V-number was read (its digits are not shown)</source>
        <translation type="unfinished">یک شماره V معتبر خوانده شد (ارقام آن نشان داده نمی‌شود)</translation>
    </message>
    <message>
        <source>nothing read in {0:.0f} s</source>
        <translation type="unfinished">در {0:.0f} ثانیه چیزی خوانده نشد</translation>
    </message>
    <message>
        <source>{0}: waiting for a letter or document…</source>
        <translation type="unfinished">‏{0}: در انتظار نامه یا سند…</translation>
    </message>
    <message>
        <source>The kiosk restarted. You can go on where you were.</source>
        <translation type="unfinished">دستگاه دوباره راه‌اندازی شد. می‌توانید از همان جایی که بودید ادامه دهید.</translation>
    </message>
</context>
<context>
    <name>LanguageScreen</name>
    <message>
        <source>Welcome. Choose your language.</source>
        <translation type="unfinished">خوش آمدید. زبان خود را انتخاب کنید.</translation>
    </message>
    <message>
        <source>draft translation</source>
        <translation type="unfinished">ترجمهٔ پیش‌نویس</translation>
    </message>
</context>
<context>
    <name>ProcessingScreen</name>
    <message>
        <source>One moment, please</source>
        <translation type="unfinished">لطفاً کمی صبر کنید</translation>
    </message>
    <message>
        <source>We are saving your information. This takes a few seconds.</source>
        <translation type="unfinished">در حال ذخیرهٔ اطلاعات شما هستیم. این کار چند ثانیه طول می‌کشد.</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <source>No intakes at this kiosk today.</source>
        <translation type="unfinished">امروز در این دستگاه ثبت‌نامی نیست.</translation>
    </message>
    <message>
        <source>No intake today with this receipt code.</source>
        <translation type="unfinished">امروز ثبتی با این کد رسید نیست.</translation>
    </message>
    <message>
        <source>may proceed</source>
        <translation type="unfinished">می‌تواند ادامه دهد</translation>
    </message>
    <message>
        <source>may not proceed yet</source>
        <translation type="unfinished">هنوز نمی‌تواند ادامه دهد</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished">در انتظار</translation>
    </message>
    <message>
        <source>declined</source>
        <translation type="unfinished">رد کرد</translation>
    </message>
    <message>
        <source>no prints</source>
        <translation type="unfinished">بدون اثر انگشت</translation>
    </message>
    <message>
        <source>hit</source>
        <translation type="unfinished">تطابق</translation>
    </message>
    <message>
        <source>V-number mismatch</source>
        <translation type="unfinished">شمارهٔ V مطابقت ندارد</translation>
    </message>
    <message>
        <source>no hit</source>
        <translation type="unfinished">بدون تطابق</translation>
    </message>
    <message>
        <source>V-number confirmed</source>
        <translation type="unfinished">شمارهٔ V تأیید شد</translation>
    </message>
    <message>
        <source>the fingerprint check has not run yet</source>
        <translation type="unfinished">بررسی اثر انگشت هنوز انجام نشده است</translation>
    </message>
    <message>
        <source>the fingerprint check found nothing that stops the intake</source>
        <translation type="unfinished">بررسی اثر انگشت چیزی نیافت که مانع ثبت‌نام شود</translation>
    </message>
    <message>
        <source>no fingerprint check was made; the intake proceeds as usual</source>
        <translation type="unfinished">بررسی اثر انگشت انجام نشد؛ ثبت‌نام طبق معمول ادامه می‌یابد</translation>
    </message>
    <message>
        <source>the fingerprint check needs an AVIM officer's decision</source>
        <translation type="unfinished">بررسی اثر انگشت به تصمیم یک کارمند AVIM نیاز دارد</translation>
    </message>
    <message>
        <source>an AVIM officer's decision awaits a second officer's confirmation</source>
        <translation type="unfinished">تصمیم کارمند AVIM در انتظار تأیید کارمند دوم است</translation>
    </message>
    <message>
        <source>an AVIM officer cleared the intake</source>
        <translation type="unfinished">یک کارمند AVIM ثبت‌نام را مجاز کرد</translation>
    </message>
    <message>
        <source>an AVIM officer found that this person enrolled before</source>
        <translation type="unfinished">یک کارمند AVIM دریافت که این شخص قبلاً ثبت‌نام کرده است</translation>
    </message>
    <message>
        <source>an AVIM officer referred the intake to the local case meeting (LSO)</source>
        <translation type="unfinished">یک کارمند AVIM ثبت‌نام را به جلسهٔ محلی پرونده‌ها (LSO) ارجاع داد</translation>
    </message>
    <message>
        <source>Today's intakes at this kiosk</source>
        <translation type="unfinished">ثبت‌نام‌های امروز در این دستگاه</translation>
    </message>
    <message>
        <source>Receipt code (type it or hold it to the reader), then Enter</source>
        <translation type="unfinished">کد رسید (آن را تایپ کنید یا جلوی دستگاه بگیرید)، سپس اینتر</translation>
    </message>
</context>
<context>
    <name>ReaderMessages</name>
    <message>
        <source>That number could not be read as a V-number. Please check it or type it instead.</source>
        <translation type="unfinished">این شماره را نمی‌توان به‌عنوان شماره V خواند. لطفاً آن را بررسی کنید یا تایپ کنید.</translation>
    </message>
    <message>
        <source>This code does not contain a V-number. You can type the number instead.</source>
        <translation type="unfinished">این کد شماره V ندارد. می‌توانید شماره را تایپ کنید.</translation>
    </message>
    <message>
        <source>The scanner is not available right now. You can type the number instead.</source>
        <translation type="unfinished">اسکنر اکنون در دسترس نیست. می‌توانید شماره را تایپ کنید.</translation>
    </message>
    <message>
        <source>The document could not be read. Please try again or type the number instead.</source>
        <translation type="unfinished">سند خوانده نشد. دوباره امتحان کنید یا شماره را تایپ کنید.</translation>
    </message>
    <message>
        <source>This document does not show a V-number. Please type the number instead.</source>
        <translation type="unfinished">این سند شماره V را نشان نمی‌دهد. لطفاً شماره را تایپ کنید.</translation>
    </message>
    <message>
        <source>That did not work. You can type the number instead.</source>
        <translation type="unfinished">این کار نکرد. می‌توانید شماره را تایپ کنید.</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <source>It is shown on the screen, and not said aloud, so that nobody else hears it.</source>
        <translation type="unfinished">روی صفحه نشان داده شده است. آن را بلند نمی‌گوییم تا کس دیگری نشنود.</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation type="unfinished">متشکریم</translation>
    </message>
    <message>
        <source>You have done everything at this kiosk.</source>
        <translation type="unfinished">همهٔ کارها را در این دستگاه انجام دادید.</translation>
    </message>
    <message>
        <source>Your receipt number:</source>
        <translation type="unfinished">شمارهٔ رسید شما:</translation>
    </message>
    <message>
        <source>Please go to the desk now. A staff member will help you further.</source>
        <translation type="unfinished">لطفاً اکنون به میز پذیرش بروید. یکی از کارکنان به شما کمک می‌کند.</translation>
    </message>
    <message>
        <source>Picture: you walk to the desk, where a staff member is</source>
        <translation type="unfinished">تصویر: شما به میز می‌روید، جایی که یک کارمند هست</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished">پایان</translation>
    </message>
</context>
<context>
    <name>RefusalReasonScreen</name>
    <message>
        <source>You said no. That is all right.</source>
        <extracomment>What the record stores for each reason button, in the buttons' order (their texts are set in retranslate)</extracomment>
        <translation type="unfinished">شما نه گفتید. اشکالی ندارد.</translation>
    </message>
    <message>
        <source>You may tell us why. This is not required.</source>
        <translation type="unfinished">می‌توانید دلیلش را به ما بگویید. این کار الزامی نیست.</translation>
    </message>
    <message>
        <source>I do not want to say</source>
        <translation type="unfinished">نمی‌خواهم بگویم</translation>
    </message>
    <message>
        <source>I am worried about what happens with my data</source>
        <translation type="unfinished">نگرانم که چه اتفاقی برای اطلاعاتم می‌افتد</translation>
    </message>
    <message>
        <source>Because of my religion or beliefs</source>
        <translation type="unfinished">به خاطر دین یا باورهایم</translation>
    </message>
    <message>
        <source>Another reason</source>
        <translation type="unfinished">دلیل دیگر</translation>
    </message>
</context>
<context>
    <name>ScannerMessages</name>
    <message>
        <source>Place your finger flat on the glass.</source>
        <translation type="unfinished">انگشت خود را صاف روی شیشه بگذارید.</translation>
    </message>
    <message>
        <source>Place the middle of your finger in the centre of the glass and press flat.</source>
        <translation type="unfinished">وسط انگشت خود را در مرکز شیشه بگذارید و صاف فشار دهید.</translation>
    </message>
    <message>
        <source>Wipe your finger and the glass, then try again.</source>
        <translation type="unfinished">انگشت خود و شیشه را پاک کنید و دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>Press a little harder and keep your finger still.</source>
        <translation type="unfinished">کمی محکم‌تر فشار دهید و انگشت خود را تکان ندهید.</translation>
    </message>
    <message>
        <source>We did not see a finger in time. Try again when you are ready.</source>
        <translation type="unfinished">به موقع انگشتی ندیدیم. هر وقت آماده بودید دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>Place the same finger again, the same way.</source>
        <translation type="unfinished">همان انگشت را دوباره به همان شکل بگذارید.</translation>
    </message>
    <message>
        <source>The fingerprint scanner was disconnected. Please wait a moment.</source>
        <translation type="unfinished">اتصال اسکنر اثر انگشت قطع شد. لطفاً کمی صبر کنید.</translation>
    </message>
    <message>
        <source>The fingerprint scanner is not answering. A staff member has been told.</source>
        <translation type="unfinished">اسکنر اثر انگشت پاسخ نمی‌دهد. به یکی از کارکنان خبر داده شد.</translation>
    </message>
    <message>
        <source>The fingerprint scanner is not working. A staff member has been told.</source>
        <translation type="unfinished">اسکنر اثر انگشت کار نمی‌کند. به یکی از کارکنان خبر داده شد.</translation>
    </message>
    <message>
        <source>The scanner did not work. Please ask a staff member for help.</source>
        <translation type="unfinished">اسکنر کار نکرد. لطفاً از یکی از کارکنان کمک بخواهید.</translation>
    </message>
    <message>
        <source>Let us try again. Place your finger flat on the glass.</source>
        <translation type="unfinished">بیایید دوباره امتحان کنیم. انگشت خود را صاف روی شیشه بگذارید.</translation>
    </message>
</context>
<context>
    <name>SecondOfficerOverlay</name>
    <message>
        <source>Second officer: to confirm the decision, your account name, then your PIN or password</source>
        <translation type="unfinished">مأمور دوم: برای تأیید تصمیم، نام حساب خود و سپس PIN یا رمز عبور خود را وارد کنید</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation type="unfinished">نام حساب</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation type="unfinished">کد PIN یا رمز عبور</translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished">بستن</translation>
    </message>
</context>
<context>
    <name>StaffPinOverlay</name>
    <message>
        <source>Staff: your account name, then your PIN or password</source>
        <translation type="unfinished">کارکنان: نام حساب شما، سپس کد PIN یا رمز عبور</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation type="unfinished">نام حساب</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation type="unfinished">کد PIN یا رمز عبور</translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished">بستن</translation>
    </message>
</context>
<context>
    <name>StaffView</name>
    <message>
        <source>Log out</source>
        <translation type="unfinished">خروج</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation type="unfinished">متن بزرگ</translation>
    </message>
</context>
<context>
    <name>TechnicianView</name>
    <message>
        <source>Rotating the keys…</source>
        <translation type="unfinished">در حال چرخش کلیدها…</translation>
    </message>
    <message>
        <source>Keys rotated at {0} UTC: master key v{1}; new writes use {2}.</source>
        <translation type="unfinished">کلیدها در {0} UTC چرخانده شدند: کلید اصلی v{1}؛ نوشته‌های جدید از {2} استفاده می‌کنند.</translation>
    </message>
    <message>
        <source>The keys were not rotated: {0}</source>
        <translation type="unfinished">کلیدها چرخانده نشدند: {0}</translation>
    </message>
    <message>
        <source>No warnings or errors since the start.</source>
        <translation type="unfinished">از زمان شروع هیچ هشدار یا خطایی نبوده است.</translation>
    </message>
    <message>
        <source>OK: {0}</source>
        <translation type="unfinished">موفق: {0}</translation>
    </message>
    <message>
        <source>FAILED: {0}</source>
        <translation type="unfinished">ناموفق: {0}</translation>
    </message>
    <message>
        <source>None since you logged in.</source>
        <translation type="unfinished">از زمان ورود شما هیچ.</translation>
    </message>
    <message>
        <source>Keys: sealed by {0}, master key v{1}; {2}. Active accounts: {3}. Audit log: {4} entries.</source>
        <translation type="unfinished">کلیدها: مهر و موم شده توسط {0}، کلید اصلی v{1}؛ {2}. حساب‌های فعال: {3}. گزارش ممیزی: {4} مورد.</translation>
    </message>
    <message>
        <source>These are demo keys: they protect nothing.</source>
        <translation type="unfinished">این‌ها کلیدهای نمایشی هستند: از هیچ چیز محافظت نمی‌کنند.</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation type="unfinished">تکنسین</translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished">وضعیت</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation type="unfinished">اسکنر</translation>
    </message>
    <message>
        <source>Self-test</source>
        <translation type="unfinished">خودآزمایی</translation>
    </message>
    <message>
        <source>Test capture</source>
        <translation type="unfinished">ثبت آزمایشی</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation type="unfinished">بررسی دوباره</translation>
    </message>
    <message>
        <source>Rotate keys</source>
        <translation type="unfinished">چرخش کلیدها</translation>
    </message>
    <message>
        <source>Rotate the keys now? A new master key and a new version of each data key are made and audited; what is stored stays readable and new writes use the new keys.</source>
        <translation type="unfinished">کلیدها اکنون چرخانده شوند؟ یک کلید اصلی جدید و نسخه‌ای جدید از هر کلید داده ساخته و در گزارش ممیزی ثبت می‌شود؛ داده‌های ذخیره‌شده خوانا می‌مانند و نوشته‌های جدید از کلیدهای جدید استفاده می‌کنند.</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation type="unfinished">عبارت عبور کلیدها</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation type="unfinished">چرخش</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">لغو</translation>
    </message>
    <message>
        <source>V-number reader</source>
        <translation type="unfinished">خواننده شماره V</translation>
    </message>
    <message>
        <source>Test V-number reader</source>
        <translation type="unfinished">آزمایش خواننده شماره V</translation>
    </message>
    <message>
        <source>Last errors</source>
        <translation type="unfinished">آخرین خطاها</translation>
    </message>
    <message>
        <source>Kiosk log: warnings and errors</source>
        <translation type="unfinished">گزارش دستگاه: هشدارها و خطاها</translation>
    </message>
</context>
<context>
    <name>VNumberScreen</name>
    <message>
        <source>Do you have a V-number?</source>
        <translation type="unfinished">آیا شمارهٔ V دارید؟</translation>
    </message>
    <message>
        <source>A V-number has 10 digits. It is on letters from the IND and on your W-document. Type it below, then tap OK.</source>
        <translation type="unfinished">شمارهٔ V دارای 10 رقم است. این شماره روی نامه‌های IND و روی سند W شما است. آن را در پایین وارد کنید و سپس تأیید را لمس کنید.</translation>
    </message>
    <message>
        <source>This is not a V-number. A V-number has 10 digits. Please check it.</source>
        <translation type="unfinished">این شمارهٔ V نیست. شمارهٔ V دارای 10 رقم است. لطفاً آن را بررسی کنید.</translation>
    </message>
    <message>
        <source>Or hold your letter's barcode under the reader.</source>
        <translation type="unfinished">یا بارکد نامه خود را زیر دستگاه خواننده نگه دارید.</translation>
    </message>
    <message>
        <source>I do not have a V-number</source>
        <translation type="unfinished">شمارهٔ V ندارم</translation>
    </message>
</context>
</TS>
