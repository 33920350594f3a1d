"""The consent and information notice (GDPR art. 13 and art. 9) as shown to the participant, versioned.

The exact text shown is what the record hashes (SHA-256), so a text never changes under its version:
a changed text gets a new version, and the texts of earlier versions stay here word for word, so that the
version and hash in an older record can still be checked against what was shown. New intakes are shown
CURRENT_VERSION. This module holds the canonical texts and the languages they exist in; the Dutch and English
texts are the originals, the others drafts until a qualified translator has reviewed them
(:data:`DRAFT_LANGUAGES`; the kiosk marks them).
"""

from __future__ import annotations

from dataclasses import dataclass

from enrollment.errors import EnrollmentError

CURRENT_VERSION = "2026-12.1"
TEXT_ID = "lvv-intake-notice"  # the one text there is: the information notice with the consent question

_TEXTS: dict[str, dict[str, str]] = {
    # Superseded by 2026-11.2: it promised what this build does not do yet (prints stored encrypted, shared with
    # AVIM, kept no longer than the law allows: there is no encryption, sync or retention job yet).
    "2026-11.1": {
        "nl": (
            "Wat gebeurt er met uw gegevens?\n"
            "De LVV neemt uw vingerafdrukken om vast te stellen wie u bent en of u al eerder bij een LVV bent "
            "ingeschreven. De afdrukken worden versleuteld bewaard en gedeeld met de politie (AVIM). "
            "U mag weigeren; dan gaat de intake verder met een medewerker. Uw gegevens worden niet langer "
            "bewaard dan de wet toestaat. U kunt inzage, correctie of verwijdering vragen bij de medewerker."
        ),
        "en": (
            "What happens with your data?\n"
            "The LVV takes your fingerprints to establish who you are and whether you were registered at an "
            "LVV before. The prints are stored encrypted and shared with the police (AVIM). You may refuse; "
            "the intake then continues with a staff member. Your data is kept no longer than the law allows. "
            "You can ask the staff member to see, correct or delete your data."
        ),
    },
    # Superseded by 2026-12.1: it said the prints are not encrypted yet; since the sealed record they are.
    "2026-11.2": {
        "nl": (
            "Wat gebeurt er met uw gegevens?\n"
            "De LVV neemt uw vingerafdrukken om vast te stellen wie u bent en of u al eerder bent ingeschreven. "
            "Dit apparaat vergelijkt ze met de afdrukken die de LVV al heeft. "
            "De LVV bewaart uw afdrukken in een eigen computersysteem. Ze zijn nog niet versleuteld. "
            "De LVV kan ze delen met de politie (AVIM), maar dit apparaat verstuurt ze nog niet. "
            "U mag weigeren; dan gaat de intake verder met een medewerker. "
            "Dit apparaat verwijdert nog geen gegevens vanzelf. "
            "U kunt inzage, correctie of verwijdering vragen bij de medewerker."
        ),
        "en": (
            "What happens with your data?\n"
            "The LVV takes your fingerprints to find out who you are and whether you were registered before. "
            "This machine compares them with the prints the LVV already has. "
            "The LVV keeps your prints in its own computer system. They are not encrypted yet. "
            "The LVV may share them with the police (AVIM), but this machine does not send them yet. "
            "You may refuse; the intake then continues with a staff member. "
            "This machine does not delete any data by itself yet. "
            "You can ask the staff member to see, correct or delete your data."
        ),
    },
    # What this build does, in plain words (B1): prints, V-number and the link to the person stored encrypted on
    # this machine; nothing sent (sync/ is not built) and nothing deleted by itself (`zuil purge` deletes only when
    # run: by hand, or by its systemd timer once a technician enables it).
    CURRENT_VERSION: {
        "nl": (
            "Wat gebeurt er met uw gegevens?\n"
            "De LVV neemt uw vingerafdrukken om vast te stellen wie u bent en of u al eerder bent ingeschreven. "
            "Dit apparaat vergelijkt ze met de afdrukken die de LVV al heeft. "
            "Dit apparaat bewaart uw afdrukken en uw V-nummer versleuteld. "
            "De LVV kan ze delen met de politie (AVIM), maar dit apparaat verstuurt ze nog niet. "
            "U mag weigeren; dan gaat de intake verder met een medewerker. "
            "Dit apparaat verwijdert nog geen gegevens vanzelf. "
            "U kunt inzage, correctie of verwijdering vragen bij de medewerker."
        ),
        "en": (
            "What happens with your data?\n"
            "The LVV takes your fingerprints to find out who you are and whether you were registered before. "
            "This machine compares them with the prints the LVV already has. "
            "This machine stores your prints and your V-number encrypted. "
            "The LVV may share them with the police (AVIM), but this machine does not send them yet. "
            "You may refuse; the intake then continues with a staff member. "
            "This machine does not delete any data by itself yet. "
            "You can ask the staff member to see, correct or delete your data."
        ),
        # Drafts for the languages below, not yet reviewed by a qualified translator (DRAFT_LANGUAGES).
        "fr": (
            'Que deviennent vos données ?\n'
            'Le LVV prend vos empreintes digitales pour savoir qui vous êtes et si vous '
            'avez déjà été enregistré. '
            'Cet appareil les compare avec les empreintes que le LVV a déjà. '
            'Cet appareil conserve vos empreintes et votre numéro V sous forme chiffrée. '
            'Le LVV peut les partager avec la police (AVIM), mais cet appareil ne les '
            'envoie pas encore. '
            "Vous pouvez refuser ; l'accueil continue alors avec un membre du personnel. "
            'Cet appareil ne supprime encore aucune donnée de lui-même. '
            'Vous pouvez demander au membre du personnel de voir, corriger ou supprimer '
            'vos données.'
        ),
        "es": (
            '¿Qué pasa con sus datos?\n'
            'El LVV toma sus huellas dactilares para saber quién es usted y si ya estuvo '
            'registrado antes. '
            'Esta máquina las compara con las huellas que el LVV ya tiene. '
            'Esta máquina guarda sus huellas y su número V cifrados. '
            'El LVV puede compartirlos con la policía (AVIM), pero esta máquina todavía '
            'no los envía. '
            'Usted puede negarse; entonces la acogida continúa con un miembro del personal. '
            'Esta máquina todavía no borra ningún dato por sí sola. '
            'Puede pedir al personal ver, corregir o borrar sus datos.'
        ),
        "tr": (
            'Verilerinize ne olur?\n'
            'LVV, kim olduğunuzu ve daha önce kaydedilip kaydedilmediğinizi öğrenmek '
            'için parmak izlerinizi alır. '
            "Bu cihaz onları LVV'nin zaten sahip olduğu parmak izleriyle karşılaştırır. "
            'Bu cihaz parmak izlerinizi ve V numaranızı şifreli olarak saklar. '
            'LVV bunları polisle (AVIM) paylaşabilir, ancak bu cihaz onları henüz göndermez. '
            'Reddedebilirsiniz; o zaman kayıt bir görevliyle devam eder. '
            'Bu cihaz henüz hiçbir veriyi kendiliğinden silmez. '
            'Görevliden verilerinizi görmeyi, düzeltmeyi veya silmeyi isteyebilirsiniz.'
        ),
        "ru": (
            'Что происходит с вашими данными?\n'
            'LVV снимает отпечатки ваших пальцев, чтобы установить, кто вы и были ли '
            'вы зарегистрированы раньше. '
            'Этот аппарат сравнивает их с отпечатками, которые уже есть у LVV. '
            'Этот аппарат хранит ваши отпечатки и ваш V-номер в зашифрованном виде. '
            'LVV может передать их полиции (AVIM), но этот аппарат пока их не отправляет. '
            'Вы можете отказаться; тогда приём продолжится с сотрудником. '
            'Этот аппарат пока не удаляет данные сам. '
            'Вы можете попросить сотрудника показать, исправить или удалить ваши данные.'
        ),
        "ar": (
            'ماذا يحدث لبياناتك؟\n'
            'يأخذ LVV بصمات أصابعك لمعرفة من أنت وما إذا كنت قد سُجّلت من قبل. '
            'يقارن هذا الجهاز بصماتك بالبصمات الموجودة لدى LVV. '
            'يحفظ هذا الجهاز بصماتك ورقم V الخاص بك بشكل مشفّر. '
            'يجوز لـ LVV مشاركتها مع الشرطة (AVIM)، لكن هذا الجهاز لا يرسلها بعد. '
            'يحق لك الرفض؛ وعندها يستمر التسجيل مع أحد الموظفين. '
            'لا يحذف هذا الجهاز أي بيانات من تلقاء نفسه بعد. '
            'يمكنك أن تطلب من الموظف الاطلاع على بياناتك أو تصحيحها أو حذفها.'
        ),
        "fa": (
            'چه اتفاقی برای اطلاعات شما می\u200cافتد؟\n'
            'LVV اثر انگشت\u200cهای شما را می\u200cگیرد تا بداند شما چه کسی هستید و آیا قبلاً ثبت\u200cنام '
            'شده\u200cاید یا نه. '
            'این دستگاه آن\u200cها را با اثر انگشت\u200cهایی که LVV از قبل دارد مقایسه می\u200cکند. '
            'این دستگاه اثر انگشت\u200cها و شمارهٔ V شما را رمزگذاری\u200cشده نگه می\u200cدارد. '
            'LVV ممکن است آن\u200cها را با پلیس (AVIM) به اشتراک بگذارد، اما این دستگاه هنوز '
            'آن\u200cها را نمی\u200cفرستد. '
            'شما می\u200cتوانید نپذیرید؛ در این صورت پذیرش با یکی از کارکنان ادامه پیدا می\u200cکند. '
            'این دستگاه هنوز هیچ اطلاعاتی را خودبه\u200cخود پاک نمی\u200cکند. '
            'می\u200cتوانید از کارمند بخواهید اطلاعات شما را نشان دهد، اصلاح کند یا پاک کند.'
        ),
        "ps": (
            'ستاسو د معلوماتو سره څه کېږي؟\n'
            'LVV ستاسو د ګوتو نښې اخلي ترڅو معلومه کړي چې تاسو څوک یاست او آیا مخکې ثبت '
            'شوي یاست. '
            'دا ماشین یې د هغو نښو سره پرتله کوي چې LVV یې لا دمخه لري. '
            'دا ماشین ستاسو د ګوتو نښې او ستاسو V شمېره کوډ شوې ساتي. '
            'LVV کولی شي دا له پولیسو (AVIM) سره شریکې کړي، خو دا ماشین یې لا نه لېږي. '
            'تاسو کولی شئ انکار وکړئ؛ بیا ثبت نام د یو کارکوونکي سره دوام کوي. '
            'دا ماشین لا تر اوسه پخپله هیڅ معلومات نه پاکوي. '
            'تاسو کولی شئ له کارکوونکي وغواړئ چې ستاسو معلومات وښيي، سم یې کړي یا یې '
            'پاک کړي.'
        ),
        "ckb": (
            'چی بەسەر زانیارییەکانتدا دێت؟\n'
            'LVV پەنجەمۆرەکانت وەردەگرێت بۆ ئەوەی بزانێت تۆ کێیت و ئایا پێشتر تۆمار کراویت. '
            'ئەم ئامێرە بەراوردیان دەکات لەگەڵ ئەو پەنجەمۆرانەی کە LVV پێشتر هەیەتی. '
            'ئەم ئامێرە پەنجەمۆرەکانت و ژمارەی V ـەکەت بە شفرەکراوی هەڵدەگرێت. '
            'LVV دەتوانێت لەگەڵ پۆلیس (AVIM) هاوبەشیان بکات، بەڵام ئەم ئامێرە هێشتا نایاننێرێت. '
            'دەتوانیت ڕەتی بکەیتەوە؛ ئەوکات وەرگرتنەکە لەگەڵ کارمەندێک بەردەوام دەبێت. '
            'ئەم ئامێرە هێشتا هیچ زانیارییەک بە خۆی ناسڕێتەوە. '
            'دەتوانیت داوا لە کارمەندەکە بکەیت زانیارییەکانت نیشان بدات، ڕاستیان بکاتەوە '
            'یان بیانسڕێتەوە.'
        ),
        "ti": (
            'ብዛዕባ ሓበሬታኹም እንታይ ይኸውን?\n'
            'LVV መን ምዃንኩምን ቅድሚ ሕጂ ተመዝጊብኩም እንተ ነይርኩምን ንምፍላጥ ኣሻራ ኣጻብዕኹም ይወስድ። '
            'እዚ መሳርሒ ነቲ ኣሻራታት ምስቲ LVV ዘለዎ ኣሻራታት የወዳድሮ። '
            'እዚ መሳርሒ ኣሻራታትኩምን ቁጽሪ V ኹምን ብምስጢራዊ ኣገባብ ይዕቅብ። '
            'LVV ምስ ፖሊስ (AVIM) ክካፈሎም ይኽእል፡ እዚ መሳርሒ ግን ገና ኣይሰዶምን። '
            'ክትኣብዩ ትኽእሉ ኢኹም፤ ሽዑ እቲ ምዝገባ ምስ ሓደ ሰራሕተኛ ይቕጽል። '
            'እዚ መሳርሒ ገና ብገዛእ ርእሱ ዝኾነ ሓበሬታ ኣይድምስስን። '
            'ሓበሬታኹም ክትርእዩ፡ ከተእርሙ ወይ ክትድምስሱ ንሰራሕተኛ ክትሓቱ ትኽእሉ ኢኹም።'
        ),
        "am": (
            'በመረጃዎ ላይ ምን ይደረጋል?\n'
            'LVV ማንነትዎን እና ከዚህ በፊት ተመዝግበው እንደሆነ ለማወቅ የጣት አሻራዎን ይወስዳል። '
            'ይህ ማሽን አሻራዎቹን LVV ካሉት አሻራዎች ጋር ያነጻጽራል። '
            'ይህ ማሽን አሻራዎን እና የV ቁጥርዎን በምስጠራ ያስቀምጣል። '
            'LVV ከፖሊስ (AVIM) ጋር ሊያጋራቸው ይችላል፣ ነገር ግን ይህ ማሽን እስካሁን አይልካቸውም። '
            'እምቢ ማለት ይችላሉ፤ ከዚያ ምዝገባው ከአንድ ሠራተኛ ጋር ይቀጥላል። '
            'ይህ ማሽን እስካሁን ምንም መረጃ በራሱ አይሰርዝም። '
            'መረጃዎን ለማየት፣ ለማረም ወይም ለመሰረዝ ሠራተኛውን መጠየቅ ይችላሉ።'
        ),
        "so": (
            'Maxaa ku dhaca xogtaada?\n'
            'LVV waxay qaadaysaa raadadka farahaaga si ay u ogaato cidda aad tahay iyo '
            'in lagu diiwaangeliyey hore. '
            'Mashiinkani wuxuu la barbar dhigaa raadadka faraha ee LVV horey u haysay. '
            'Mashiinkani wuxuu raadadka farahaaga iyo lambarkaaga V u kaydiyaa si qarsoon '
            '(sir ah). '
            'LVV waxay la wadaagi kartaa booliiska (AVIM), laakiin mashiinkani weli ma '
            'diro. '
            'Waad diidi kartaa; markaas diiwaangelintu waxay ku sii socotaa shaqaale. '
            'Mashiinkani weli iskiis uma tirtiro wax xog ah. '
            'Waxaad shaqaalaha ka codsan kartaa inaad aragto, saxdo ama tirtirto xogtaada.'
        ),
    },
}


#: Per version, the languages whose text a qualified translator has not reviewed yet (drafts): the kiosk shows
#: them marked as such, and the consent record names the language and hash of exactly what was shown.
DRAFT_LANGUAGES: dict[str, frozenset[str]] = {
    CURRENT_VERSION: frozenset({"fr", "es", "tr", "ru", "ar", "fa", "ps", "ckb", "ti", "am", "so"}),
}


class ConsentTextError(EnrollmentError):
    """No consent text exists for that version and language."""


@dataclass(frozen=True)
class ConsentText:
    version: str
    language: str
    text: str
    text_id: str = TEXT_ID

    @property
    def reviewed(self) -> bool:
        """Whether a qualified translator has reviewed this text (the source texts nl and en are the originals)."""
        return self.language not in DRAFT_LANGUAGES.get(self.version, frozenset())


def consent_text(language: str, version: str = CURRENT_VERSION) -> ConsentText:
    try:
        return ConsentText(version, language, _TEXTS[version][language])
    except KeyError as exc:
        have = ", ".join(sorted(_TEXTS.get(version, {}))) or "none"
        raise ConsentTextError(
            f"no consent text for language {language!r} in version {version} (have: {have})"
        ) from exc


def languages(version: str = CURRENT_VERSION) -> tuple[str, ...]:
    return tuple(sorted(_TEXTS.get(version, {})))
