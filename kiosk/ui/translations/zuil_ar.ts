<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar_EG">
<context>
    <name>AccessBar</name>
    <message>
        <source>Large text on</source>
        <translation type="unfinished">النص الكبير مُفعَّل</translation>
    </message>
    <message>
        <source>Large text off</source>
        <translation type="unfinished">النص الكبير مُطفأ</translation>
    </message>
    <message>
        <source>High contrast on</source>
        <translation type="unfinished">التباين العالي مُفعَّل</translation>
    </message>
    <message>
        <source>High contrast off</source>
        <translation type="unfinished">التباين العالي مُطفأ</translation>
    </message>
    <message>
        <source>Listen again</source>
        <translation type="unfinished">استمع مرة أخرى</translation>
    </message>
    <message>
        <source>No audio in this language</source>
        <translation type="unfinished">لا يوجد صوت بهذه اللغة</translation>
    </message>
    <message>
        <source>Stop speaking</source>
        <translation type="unfinished">إيقاف القراءة</translation>
    </message>
    <message>
        <source>Softer</source>
        <translation type="unfinished">أخفض</translation>
    </message>
    <message>
        <source>Louder</source>
        <translation type="unfinished">أعلى</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation type="unfinished">خط كبير</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation type="unfinished">تباين عالٍ</translation>
    </message>
</context>
<context>
    <name>CaptureScreen</name>
    <message>
        <source>Place your finger on the scanner</source>
        <translation type="unfinished">ضع إصبعك على الماسح</translation>
    </message>
    <message>
        <source>Now: your {finger}</source>
        <translation type="unfinished">الآن: {finger}</translation>
    </message>
    <message>
        <source>Picture of both hands: your {finger} is marked</source>
        <translation type="unfinished">صورة اليدين: إصبعك {finger} محدد</translation>
    </message>
    <message>
        <source>Finger {0} of {1}, press {2} of {3}</source>
        <translation type="unfinished">الإصبع {0} من {1}، الضغطة {2} من {3}</translation>
    </message>
    <message>
        <source>Image quality</source>
        <translation type="unfinished">جودة الصورة</translation>
    </message>
    <message>
        <source>I can't give this finger</source>
        <translation type="unfinished">لا أستطيع إعطاء هذا الإصبع</translation>
    </message>
</context>
<context>
    <name>ConsentScreen</name>
    <message>
        <source>Do you agree?</source>
        <translation type="unfinished">هل توافق؟</translation>
    </message>
    <message>
        <source>Do you agree that the LVV takes your fingerprints, as explained on the previous screen?</source>
        <translation type="unfinished">هل توافق على أن يأخذ LVV بصمات أصابعك، كما شُرح في الشاشة السابقة؟</translation>
    </message>
    <message>
        <source>If you say no, we do not take your fingerprints. A staff member will help you further.</source>
        <translation type="unfinished">إذا قلت لا، فلن نأخذ بصمات أصابعك. سيساعدك أحد الموظفين.</translation>
    </message>
    <message>
        <source>Yes, I agree</source>
        <translation type="unfinished">نعم، أوافق</translation>
    </message>
    <message>
        <source>No, I do not agree</source>
        <translation type="unfinished">لا، لا أوافق</translation>
    </message>
    <message>
        <source>Read the information again</source>
        <translation type="unfinished">اقرأ المعلومات مرة أخرى</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <source>Awaiting a second officer: {0}. It takes effect only when a second AVIM officer confirms it.</source>
        <translation type="unfinished">بانتظار موظف ثانٍ: {0}. لا يسري القرار إلا بعد أن يؤكده موظف ثانٍ من AVIM.</translation>
    </message>
    <message>
        <source>In force: {0}.</source>
        <translation type="unfinished">ساري المفعول: {0}.</translation>
    </message>
    <message>
        <source>No decision yet.</source>
        <translation type="unfinished">لا يوجد قرار بعد.</translation>
    </message>
    <message>
        <source>duplicate confirmed: this person enrolled before</source>
        <translation type="unfinished">تأكد التكرار: هذا الشخص سجّل من قبل</translation>
    </message>
    <message>
        <source>not a duplicate: a different person</source>
        <translation type="unfinished">ليس تكرارًا: شخص آخر</translation>
    </message>
    <message>
        <source>needs the local case meeting (LSO)</source>
        <translation type="unfinished">يحتاج إلى اجتماع الحالات المحلي (LSO)</translation>
    </message>
    <message>
        <source>may proceed</source>
        <translation type="unfinished">يمكنه المتابعة</translation>
    </message>
    <message>
        <source>the V-number is corrected</source>
        <translation type="unfinished">تم تصحيح رقم V</translation>
    </message>
    <message>
        <source>Entry ban of 10 years or more</source>
        <translation type="unfinished">حظر دخول لمدة 10 سنوات أو أكثر</translation>
    </message>
    <message>
        <source>Declared undesirable</source>
        <translation type="unfinished">أُعلن شخصًا غير مرغوب فيه</translation>
    </message>
    <message>
        <source>EU citizen</source>
        <translation type="unfinished">مواطن في الاتحاد الأوروبي</translation>
    </message>
    <message>
        <source>Dublin claimant</source>
        <translation type="unfinished">طالب لجوء بموجب دبلن</translation>
    </message>
    <message>
        <source>Entitled to state reception</source>
        <translation type="unfinished">يحق له الاستقبال الحكومي</translation>
    </message>
    <message>
        <source>Your decision, with its reason</source>
        <translation type="unfinished">قرارك، مع سببه</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation type="unfinished">السبب (إلزامي)</translation>
    </message>
    <message>
        <source>Contra-indications for the LSO: tick what applies</source>
        <translation type="unfinished">موانع لاجتماع LSO: ضع علامة على ما ينطبق</translation>
    </message>
    <message>
        <source>Record the decision</source>
        <translation type="unfinished">سجّل القرار</translation>
    </message>
    <message>
        <source>A second officer confirms</source>
        <translation type="unfinished">يؤكد موظف ثانٍ</translation>
    </message>
</context>
<context>
    <name>DeskScreen</name>
    <message>
        <source>It is shown on the screen, and not said aloud, so that nobody else hears it.</source>
        <translation type="unfinished">إنه معروض على الشاشة. لا نقوله بصوت عالٍ حتى لا يسمعه أحد غيرك.</translation>
    </message>
    <message>
        <source>Please go to the desk</source>
        <translation type="unfinished">يرجى الذهاب إلى المكتب</translation>
    </message>
    <message>
        <source>The fingerprint scanner is not working at the moment. A staff member will help you. You may also wait here: we go on as soon as it works again.</source>
        <translation type="unfinished">ماسح البصمات لا يعمل الآن. سيساعدك أحد الموظفين. يمكنك أيضًا الانتظار هنا: سنكمل عندما يعمل مرة أخرى.</translation>
    </message>
    <message>
        <source>Something went wrong on this kiosk. A staff member will help you.</source>
        <translation type="unfinished">حدث خطأ في هذا الجهاز. سيساعدك أحد الموظفين.</translation>
    </message>
    <message>
        <source>A staff member will help you further. We have not taken your fingerprints.</source>
        <translation type="unfinished">سيساعدك أحد الموظفين. لم نأخذ بصمات أصابعك.</translation>
    </message>
    <message>
        <source>Your receipt number:</source>
        <translation type="unfinished">رقم الإيصال الخاص بك:</translation>
    </message>
    <message>
        <source>Picture: you walk to the desk, where a staff member is</source>
        <translation type="unfinished">صورة: تذهب إلى المكتب حيث يوجد موظف</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished">إنهاء</translation>
    </message>
</context>
<context>
    <name>EvidenceView</name>
    <message>
        <source>Left: this intake's print. Right: the candidate's print. Lines join the minutiae the matcher paired; a tick shows each minutia's direction, a circle marks a ridge ending, a square a bifurcation.</source>
        <translation type="unfinished">اليسار: بصمة هذا التسجيل. اليمين: بصمة المرشح. تربط الخطوط النقاط الدقيقة التي قرنها المطابِق؛ تُظهر الشَّرطة اتجاه كل نقطة دقيقة، والدائرة تدل على نهاية خط، والمربع على تفرّع.</translation>
    </message>
    <message>
        <source>No finger could be compared.</source>
        <translation type="unfinished">تعذّرت مقارنة أي إصبع.</translation>
    </message>
    <message>
        <source>{0}: matcher score {1:.3f} from {2} paired minutiae.</source>
        <translation type="unfinished">{0}: درجة المطابقة {1:.3f} من {2} نقطة دقيقة مقترنة.</translation>
    </message>
    <message>
        <source>Prints side by side</source>
        <translation type="unfinished">البصمات جنبًا إلى جنب</translation>
    </message>
    <message>
        <source>Back to the candidates</source>
        <translation type="unfinished">العودة إلى المرشحين</translation>
    </message>
</context>
<context>
    <name>Fingers</name>
    <message>
        <source>right thumb</source>
        <translation type="unfinished">الإبهام الأيمن</translation>
    </message>
    <message>
        <source>right index finger</source>
        <translation type="unfinished">السبابة اليمنى</translation>
    </message>
    <message>
        <source>right middle finger</source>
        <translation type="unfinished">الإصبع الوسطى اليمنى</translation>
    </message>
    <message>
        <source>right ring finger</source>
        <translation type="unfinished">البنصر الأيمن</translation>
    </message>
    <message>
        <source>right little finger</source>
        <translation type="unfinished">الخنصر الأيمن</translation>
    </message>
    <message>
        <source>left thumb</source>
        <translation type="unfinished">الإبهام الأيسر</translation>
    </message>
    <message>
        <source>left index finger</source>
        <translation type="unfinished">السبابة اليسرى</translation>
    </message>
    <message>
        <source>left middle finger</source>
        <translation type="unfinished">الإصبع الوسطى اليسرى</translation>
    </message>
    <message>
        <source>left ring finger</source>
        <translation type="unfinished">البنصر الأيسر</translation>
    </message>
    <message>
        <source>left little finger</source>
        <translation type="unfinished">الخنصر الأيسر</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <source>Are you still there?</source>
        <translation type="unfinished">هل ما زلت هنا؟</translation>
    </message>
    <message>
        <source>Do you need more time? If you do not tap the button, we stop in {0} seconds and delete your answers.</source>
        <translation type="unfinished">هل تحتاج إلى وقت أطول؟ إذا لم تلمس الزر، سنتوقف بعد {0} ثانية ونحذف إجاباتك.</translation>
    </message>
    <message>
        <source>Yes, I need more time</source>
        <translation type="unfinished">نعم، أحتاج إلى وقت أطول</translation>
    </message>
</context>
<context>
    <name>InformationScreen</name>
    <message>
        <source>I have read this. Continue.</source>
        <translation type="unfinished">قرأت هذا. متابعة.</translation>
    </message>
    <message>
        <source>Back to the languages</source>
        <translation type="unfinished">العودة إلى اللغات</translation>
    </message>
</context>
<context>
    <name>IntakeView</name>
    <message>
        <source>Intake {0}</source>
        <translation type="unfinished">التسجيل {0}</translation>
    </message>
    <message>
        <source>No candidates.</source>
        <translation type="unfinished">لا يوجد مرشحون.</translation>
    </message>
    <message>
        <source>Show the prints side by side</source>
        <translation type="unfinished">عرض البصمات جنبًا إلى جنب</translation>
    </message>
    <message>
        <source>{0}. person {1}: fused score {2:.2f}. A false match this strong happens less than once in a billion searches.</source>
        <translation type="unfinished">المرشح {0}: الشخص {1}، الدرجة المدمجة {2:.2f}. تطابق خاطئ بهذه القوة يحدث أقل من مرة واحدة في كل مليار عملية بحث.</translation>
    </message>
    <message>
        <source>{0}. person {1}: fused score {2:.2f}. A false match this strong happens about once in {3} searches.</source>
        <translation type="unfinished">المرشح {0}: الشخص {1}، الدرجة المدمجة {2:.2f}. تطابق خاطئ بهذه القوة يحدث مرة واحدة تقريبًا في كل {3} عملية بحث.</translation>
    </message>
    <message>
        <source>a location not recorded</source>
        <translation type="unfinished">موقع غير مسجل</translation>
    </message>
    <message>
        <source>Enrolled at {0}; first enrolled on {1}.</source>
        <translation type="unfinished">مسجل في {0}؛ سُجّل لأول مرة في {1}.</translation>
    </message>
    <message>
        <source>Enrolled at {0}; the gallery feed that brought this person carries no date.</source>
        <translation type="unfinished">مسجل في {0}؛ موجز المعرض الذي جلب هذا الشخص لا يحمل تاريخًا.</translation>
    </message>
    <message>
        <source>V-number check: none (no V-number was given, or no prints are held for it).</source>
        <translation type="unfinished">فحص رقم V: لا يوجد (لم يُعطَ رقم V، أو لا توجد بصمات محفوظة له).</translation>
    </message>
    <message>
        <source>V-number check: the prints match the prints held for this V-number.</source>
        <translation type="unfinished">فحص رقم V: البصمات تطابق البصمات المحفوظة لرقم V هذا.</translation>
    </message>
    <message>
        <source>V-number check: the prints do NOT match the prints held for this V-number.</source>
        <translation type="unfinished">فحص رقم V: البصمات لا تطابق البصمات المحفوظة لرقم V هذا.</translation>
    </message>
    <message>
        <source>Summary saved as {0}</source>
        <translation type="unfinished">تم حفظ الملخص باسم {0}</translation>
    </message>
    <message>
        <source>Candidates, strongest first</source>
        <translation type="unfinished">المرشحون، الأقوى أولًا</translation>
    </message>
    <message>
        <source>Back to the queue</source>
        <translation type="unfinished">العودة إلى القائمة</translation>
    </message>
    <message>
        <source>Save a one-page summary for the file (PDF)</source>
        <translation type="unfinished">حفظ ملخص من صفحة واحدة للملف (PDF)</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Delete</source>
        <translation type="unfinished">حذف</translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished">موافق</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Staff login needs the kiosk's record, and this window has none.</source>
        <translation type="unfinished">يحتاج تسجيل دخول الموظفين إلى سجل الجهاز، وهذه النافذة ليس لها سجل.</translation>
    </message>
    <message>
        <source>Biometrics are off at this site: there is no scanner to test.</source>
        <translation type="unfinished">القياسات الحيوية معطّلة في هذا الموقع: لا يوجد ماسح لاختباره.</translation>
    </message>
    <message>
        <source>{0} running…</source>
        <translation type="unfinished">جارٍ تشغيل {0}…</translation>
    </message>
    <message>
        <source>no V-number reader is configured here: the keypad is the only way in.</source>
        <translation type="unfinished">لا يوجد قارئ لرقم V هنا: لوحة الأرقام هي الطريقة الوحيدة للإدخال.</translation>
    </message>
    <message>
        <source>a valid V-number was read (its digits are not shown)</source>
        <translation type="unfinished">تمت قراءة رقم V صالح (لا تظهر أرقامه)</translation>
    </message>
    <message>
        <source>nothing read in {0:.0f} s</source>
        <translation type="unfinished">لم تتم قراءة شيء خلال {0:.0f} ث</translation>
    </message>
    <message>
        <source>{0}: waiting for a letter or document…</source>
        <translation type="unfinished">‏{0}: في انتظار رسالة أو وثيقة…</translation>
    </message>
    <message>
        <source>The kiosk restarted. You can go on where you were.</source>
        <translation type="unfinished">أُعيد تشغيل الجهاز. يمكنك المتابعة من حيث توقفت.</translation>
    </message>
</context>
<context>
    <name>LanguageScreen</name>
    <message>
        <source>Welcome. Choose your language.</source>
        <translation type="unfinished">أهلاً بك. اختر لغتك.</translation>
    </message>
    <message>
        <source>draft translation</source>
        <translation type="unfinished">ترجمة أولية</translation>
    </message>
</context>
<context>
    <name>ProcessingScreen</name>
    <message>
        <source>One moment, please</source>
        <translation type="unfinished">لحظة من فضلك</translation>
    </message>
    <message>
        <source>We are saving your information. This takes a few seconds.</source>
        <translation type="unfinished">نحفظ معلوماتك الآن. يستغرق هذا بضع ثوانٍ.</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <source>No intakes at this kiosk today.</source>
        <translation type="unfinished">لا توجد تسجيلات في هذا الجهاز اليوم.</translation>
    </message>
    <message>
        <source>No intake today with this receipt code.</source>
        <translation type="unfinished">لا يوجد تسجيل اليوم بهذا الرمز.</translation>
    </message>
    <message>
        <source>may proceed</source>
        <translation type="unfinished">يمكنه المتابعة</translation>
    </message>
    <message>
        <source>may not proceed yet</source>
        <translation type="unfinished">لا يمكنه المتابعة بعد</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished">في الانتظار</translation>
    </message>
    <message>
        <source>declined</source>
        <translation type="unfinished">رفض</translation>
    </message>
    <message>
        <source>no prints</source>
        <translation type="unfinished">لا بصمات</translation>
    </message>
    <message>
        <source>hit</source>
        <translation type="unfinished">تطابق</translation>
    </message>
    <message>
        <source>V-number mismatch</source>
        <translation type="unfinished">رقم V غير مطابق</translation>
    </message>
    <message>
        <source>no hit</source>
        <translation type="unfinished">لا تطابق</translation>
    </message>
    <message>
        <source>V-number confirmed</source>
        <translation type="unfinished">رقم V مؤكد</translation>
    </message>
    <message>
        <source>the fingerprint check has not run yet</source>
        <translation type="unfinished">لم يُجرَ فحص البصمات بعد</translation>
    </message>
    <message>
        <source>the fingerprint check found nothing that stops the intake</source>
        <translation type="unfinished">لم يجد فحص البصمات ما يوقف التسجيل</translation>
    </message>
    <message>
        <source>no fingerprint check was made; the intake proceeds as usual</source>
        <translation type="unfinished">لم يُجرَ فحص للبصمات؛ يستمر التسجيل كالمعتاد</translation>
    </message>
    <message>
        <source>the fingerprint check needs an AVIM officer's decision</source>
        <translation type="unfinished">يحتاج فحص البصمات إلى قرار موظف من AVIM</translation>
    </message>
    <message>
        <source>an AVIM officer's decision awaits a second officer's confirmation</source>
        <translation type="unfinished">قرار موظف AVIM ينتظر تأكيد موظف ثانٍ</translation>
    </message>
    <message>
        <source>an AVIM officer cleared the intake</source>
        <translation type="unfinished">أجاز موظف من AVIM التسجيل</translation>
    </message>
    <message>
        <source>an AVIM officer found that this person enrolled before</source>
        <translation type="unfinished">وجد موظف من AVIM أن هذا الشخص سجّل من قبل</translation>
    </message>
    <message>
        <source>an AVIM officer referred the intake to the local case meeting (LSO)</source>
        <translation type="unfinished">أحال موظف من AVIM التسجيل إلى الاجتماع المحلي للحالات (LSO)</translation>
    </message>
    <message>
        <source>Today's intakes at this kiosk</source>
        <translation type="unfinished">تسجيلات اليوم في هذا الجهاز</translation>
    </message>
    <message>
        <source>Receipt code (type it or hold it to the reader), then Enter</source>
        <translation type="unfinished">رمز الإيصال (اكتبه أو قرّبه من القارئ)، ثم إدخال</translation>
    </message>
</context>
<context>
    <name>ReaderMessages</name>
    <message>
        <source>That number could not be read as a V-number. Please check it or type it instead.</source>
        <translation type="unfinished">تعذرت قراءة هذا الرقم كرقم V. يرجى التحقق منه أو كتابته.</translation>
    </message>
    <message>
        <source>This code does not contain a V-number. You can type the number instead.</source>
        <translation type="unfinished">هذا الرمز لا يحتوي على رقم V. يمكنك كتابة الرقم.</translation>
    </message>
    <message>
        <source>The scanner is not available right now. You can type the number instead.</source>
        <translation type="unfinished">الماسح غير متاح الآن. يمكنك كتابة الرقم.</translation>
    </message>
    <message>
        <source>The document could not be read. Please try again or type the number instead.</source>
        <translation type="unfinished">تعذرت قراءة الوثيقة. حاول مرة أخرى أو اكتب الرقم.</translation>
    </message>
    <message>
        <source>This document does not show a V-number. Please type the number instead.</source>
        <translation type="unfinished">هذه الوثيقة لا تظهر رقم V. يرجى كتابة الرقم.</translation>
    </message>
    <message>
        <source>That did not work. You can type the number instead.</source>
        <translation type="unfinished">لم ينجح ذلك. يمكنك كتابة الرقم.</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <source>It is shown on the screen, and not said aloud, so that nobody else hears it.</source>
        <translation type="unfinished">إنه معروض على الشاشة. لا نقوله بصوت عالٍ حتى لا يسمعه أحد غيرك.</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation type="unfinished">شكرًا لك</translation>
    </message>
    <message>
        <source>You have done everything at this kiosk.</source>
        <translation type="unfinished">لقد أنهيت كل شيء على هذا الجهاز.</translation>
    </message>
    <message>
        <source>Your receipt number:</source>
        <translation type="unfinished">رقم الإيصال الخاص بك:</translation>
    </message>
    <message>
        <source>Please go to the desk now. A staff member will help you further.</source>
        <translation type="unfinished">يرجى الذهاب إلى المكتب الآن. سيساعدك أحد الموظفين.</translation>
    </message>
    <message>
        <source>Picture: you walk to the desk, where a staff member is</source>
        <translation type="unfinished">صورة: تذهب إلى المكتب حيث يوجد موظف</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished">إنهاء</translation>
    </message>
</context>
<context>
    <name>RefusalReasonScreen</name>
    <message>
        <source>You said no. That is all right.</source>
        <extracomment>What the record stores for each reason button, in the buttons' order (their texts are set in retranslate)</extracomment>
        <translation type="unfinished">قلت لا. لا بأس بذلك.</translation>
    </message>
    <message>
        <source>You may tell us why. This is not required.</source>
        <translation type="unfinished">يمكنك أن تخبرنا بالسبب. هذا ليس إلزاميًا.</translation>
    </message>
    <message>
        <source>I do not want to say</source>
        <translation type="unfinished">لا أريد أن أقول</translation>
    </message>
    <message>
        <source>I am worried about what happens with my data</source>
        <translation type="unfinished">أنا قلق بشأن ما يحدث لبياناتي</translation>
    </message>
    <message>
        <source>Because of my religion or beliefs</source>
        <translation type="unfinished">بسبب ديني أو معتقداتي</translation>
    </message>
    <message>
        <source>Another reason</source>
        <translation type="unfinished">سبب آخر</translation>
    </message>
</context>
<context>
    <name>ScannerMessages</name>
    <message>
        <source>Place your finger flat on the glass.</source>
        <translation type="unfinished">ضع إصبعك مسطحًا على الزجاج.</translation>
    </message>
    <message>
        <source>Place the middle of your finger in the centre of the glass and press flat.</source>
        <translation type="unfinished">ضع منتصف إصبعك في وسط الزجاج واضغط بشكل مسطح.</translation>
    </message>
    <message>
        <source>Wipe your finger and the glass, then try again.</source>
        <translation type="unfinished">امسح إصبعك والزجاج، ثم حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>Press a little harder and keep your finger still.</source>
        <translation type="unfinished">اضغط أقوى قليلاً وأبقِ إصبعك ثابتًا.</translation>
    </message>
    <message>
        <source>We did not see a finger in time. Try again when you are ready.</source>
        <translation type="unfinished">لم نرَ إصبعًا في الوقت المناسب. حاول مرة أخرى عندما تكون مستعدًا.</translation>
    </message>
    <message>
        <source>Place the same finger again, the same way.</source>
        <translation type="unfinished">ضع الإصبع نفسه مرة أخرى، بالطريقة نفسها.</translation>
    </message>
    <message>
        <source>The fingerprint scanner was disconnected. Please wait a moment.</source>
        <translation type="unfinished">تم فصل ماسح البصمات. يرجى الانتظار قليلاً.</translation>
    </message>
    <message>
        <source>The fingerprint scanner is not answering. A staff member has been told.</source>
        <translation type="unfinished">ماسح البصمات لا يستجيب. تم إبلاغ أحد الموظفين.</translation>
    </message>
    <message>
        <source>The fingerprint scanner is not working. A staff member has been told.</source>
        <translation type="unfinished">ماسح البصمات لا يعمل. تم إبلاغ أحد الموظفين.</translation>
    </message>
    <message>
        <source>The scanner did not work. Please ask a staff member for help.</source>
        <translation type="unfinished">لم يعمل الماسح. يرجى طلب المساعدة من أحد الموظفين.</translation>
    </message>
    <message>
        <source>Let us try again. Place your finger flat on the glass.</source>
        <translation type="unfinished">لنحاول مرة أخرى. ضع إصبعك مسطحًا على الزجاج.</translation>
    </message>
</context>
<context>
    <name>SecondOfficerOverlay</name>
    <message>
        <source>Second officer: to confirm the decision, your account name, then your PIN or password</source>
        <translation type="unfinished">الموظف الثاني: لتأكيد القرار، اسم حسابك، ثم رمز PIN أو كلمة المرور</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation type="unfinished">اسم الحساب</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation type="unfinished">رمز PIN أو كلمة المرور</translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished">إغلاق</translation>
    </message>
</context>
<context>
    <name>StaffPinOverlay</name>
    <message>
        <source>Staff: your account name, then your PIN or password</source>
        <translation type="unfinished">الموظفون: اسم حسابك، ثم رمز PIN أو كلمة المرور</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation type="unfinished">اسم الحساب</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation type="unfinished">رمز PIN أو كلمة المرور</translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished">إغلاق</translation>
    </message>
</context>
<context>
    <name>StaffView</name>
    <message>
        <source>Log out</source>
        <translation type="unfinished">تسجيل الخروج</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation type="unfinished">خط كبير</translation>
    </message>
</context>
<context>
    <name>TechnicianView</name>
    <message>
        <source>Rotating the keys…</source>
        <translation type="unfinished">جارٍ تدوير المفاتيح…</translation>
    </message>
    <message>
        <source>Keys rotated at {0} UTC: master key v{1}; new writes use {2}.</source>
        <translation type="unfinished">تم تدوير المفاتيح في {0} UTC: المفتاح الرئيسي v{1}؛ الكتابات الجديدة تستخدم {2}.</translation>
    </message>
    <message>
        <source>The keys were not rotated: {0}</source>
        <translation type="unfinished">لم يتم تدوير المفاتيح: {0}</translation>
    </message>
    <message>
        <source>No warnings or errors since the start.</source>
        <translation type="unfinished">لا توجد تحذيرات أو أخطاء منذ البدء.</translation>
    </message>
    <message>
        <source>OK: {0}</source>
        <translation type="unfinished">ناجح: {0}</translation>
    </message>
    <message>
        <source>FAILED: {0}</source>
        <translation type="unfinished">فشل: {0}</translation>
    </message>
    <message>
        <source>None since you logged in.</source>
        <translation type="unfinished">لا شيء منذ تسجيل دخولك.</translation>
    </message>
    <message>
        <source>Keys: sealed by {0}, master key v{1}; {2}. Active accounts: {3}. Audit log: {4} entries.</source>
        <translation type="unfinished">المفاتيح: مختومة بواسطة {0}، المفتاح الرئيسي v{1}؛ {2}. الحسابات النشطة: {3}. سجل التدقيق: {4} إدخالات.</translation>
    </message>
    <message>
        <source>These are demo keys: they protect nothing.</source>
        <translation type="unfinished">هذه مفاتيح تجريبية: لا تحمي شيئًا.</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation type="unfinished">فني</translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished">الحالة</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation type="unfinished">الماسح</translation>
    </message>
    <message>
        <source>Self-test</source>
        <translation type="unfinished">اختبار ذاتي</translation>
    </message>
    <message>
        <source>Test capture</source>
        <translation type="unfinished">التقاط تجريبي</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation type="unfinished">تحقق مرة أخرى</translation>
    </message>
    <message>
        <source>Rotate keys</source>
        <translation type="unfinished">تدوير المفاتيح</translation>
    </message>
    <message>
        <source>Rotate the keys now? A new master key and a new version of each data key are made and audited; what is stored stays readable and new writes use the new keys.</source>
        <translation type="unfinished">تدوير المفاتيح الآن؟ يُنشأ مفتاح رئيسي جديد وإصدار جديد من كل مفتاح بيانات ويُسجَّل ذلك في سجل التدقيق؛ يبقى المخزَّن مقروءًا وتستخدم الكتابات الجديدة المفاتيح الجديدة.</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation type="unfinished">عبارة مرور المفاتيح</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation type="unfinished">تدوير</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">إلغاء</translation>
    </message>
    <message>
        <source>V-number reader</source>
        <translation type="unfinished">قارئ رقم V</translation>
    </message>
    <message>
        <source>Test V-number reader</source>
        <translation type="unfinished">اختبار قارئ رقم V</translation>
    </message>
    <message>
        <source>Last errors</source>
        <translation type="unfinished">آخر الأخطاء</translation>
    </message>
    <message>
        <source>Kiosk log: warnings and errors</source>
        <translation type="unfinished">سجل الجهاز: التحذيرات والأخطاء</translation>
    </message>
</context>
<context>
    <name>VNumberScreen</name>
    <message>
        <source>Do you have a V-number?</source>
        <translation type="unfinished">هل لديك رقم V؟</translation>
    </message>
    <message>
        <source>A V-number has 10 digits. It is on letters from the IND and on your W-document. Type it below, then tap OK.</source>
        <translation type="unfinished">يتكون رقم V من 10 أرقام. تجده في رسائل IND وفي وثيقة W الخاصة بك. اكتبه في الأسفل، ثم المس موافق.</translation>
    </message>
    <message>
        <source>This is not a V-number. A V-number has 10 digits. Please check it.</source>
        <translation type="unfinished">هذا ليس رقم V. يتكون رقم V من 10 أرقام. يرجى التحقق منه.</translation>
    </message>
    <message>
        <source>Or hold your letter's barcode under the reader.</source>
        <translation type="unfinished">أو ضع الرمز الشريطي لرسالتك تحت القارئ.</translation>
    </message>
    <message>
        <source>I do not have a V-number</source>
        <translation type="unfinished">ليس لدي رقم V</translation>
    </message>
</context>
</TS>
