/// Every diagnostic code, by area. `docs/diagnostics.md` explains each, and a test keeps
/// the two lists equal.
extension DiagnosticCode {
    // front-matter
    public static let frontMatterUnclosed = DiagnosticCode("front-matter.unclosed")
    public static let frontMatterNoColon = DiagnosticCode("front-matter.no-colon")
    public static let frontMatterBadKey = DiagnosticCode("front-matter.bad-key")
    public static let frontMatterStrayContinuation = DiagnosticCode("front-matter.stray-continuation")
    public static let frontMatterUnknownKey = DiagnosticCode("front-matter.unknown-key")
    public static let frontMatterDuplicateKey = DiagnosticCode("front-matter.duplicate-key")
    public static let frontMatterAliasDuplicate = DiagnosticCode("front-matter.alias-duplicate")
    public static let frontMatterMissingKey = DiagnosticCode("front-matter.missing-key")
    public static let frontMatterEmptyValue = DiagnosticCode("front-matter.empty-value")
    public static let frontMatterNotASlug = DiagnosticCode("front-matter.not-a-slug")
    public static let frontMatterNotADuration = DiagnosticCode("front-matter.not-a-duration")
    public static let frontMatterNotADate = DiagnosticCode("front-matter.not-a-date")
    public static let frontMatterNotYesNo = DiagnosticCode("front-matter.not-yes-no")
    public static let frontMatterNotAChoice = DiagnosticCode("front-matter.not-a-choice")
    public static let frontMatterNotAnOrigin = DiagnosticCode("front-matter.not-an-origin")
    public static let frontMatterNotAURL = DiagnosticCode("front-matter.not-a-url")
    public static let frontMatterEmptyListItem = DiagnosticCode("front-matter.empty-list-item")
    public static let frontMatterBadKeyItem = DiagnosticCode("front-matter.bad-signing-key")
    // file
    public static let fileTooLarge = DiagnosticCode("file.too-large")
    public static let fileUnreadable = DiagnosticCode("file.unreadable")
    public static let fileBinary = DiagnosticCode("file.binary")
    public static let fileInvalidUTF8 = DiagnosticCode("file.invalid-utf8")
    // content
    public static let contentFolderNotFound = DiagnosticCode("content.folder-not-found")
    public static let contentFolderUnreadable = DiagnosticCode("content.folder-unreadable")
    public static let contentTooDeep = DiagnosticCode("content.too-deep")
    public static let contentBrokenLink = DiagnosticCode("content.broken-symlink")
    public static let contentLinkOutside = DiagnosticCode("content.symlink-outside")
    public static let contentUnpublishableName = DiagnosticCode("content.unpublishable-name")
    public static let contentIgnoredFile = DiagnosticCode("content.ignored-file")
    public static let contentSiteConfMissing = DiagnosticCode("content.site-conf-missing")
    public static let contentLogoInvalid = DiagnosticCode("content.logo-invalid")
    public static let contentInvalidSlug = DiagnosticCode("content.invalid-slug")
    public static let contentMisplacedFile = DiagnosticCode("content.misplaced-file")
    public static let contentUnnumberedLesson = DiagnosticCode("content.unnumbered-lesson")
    public static let contentReservedSlug = DiagnosticCode("content.reserved-slug")
    public static let contentCourseMdMissing = DiagnosticCode("content.course-md-missing")
    public static let contentPrivateFolder = DiagnosticCode("content.private-folder")
    public static let contentModuleMdMissing = DiagnosticCode("content.module-md-missing")
    public static let contentEmptyModule = DiagnosticCode("content.empty-module")
    public static let contentEmptyCourse = DiagnosticCode("content.empty-course")
    public static let contentDuplicateLessonSlug = DiagnosticCode("content.duplicate-lesson-slug")
    public static let contentDraftReference = DiagnosticCode("content.draft-reference")
    public static let contentUnknownCourse = DiagnosticCode("content.unknown-course")
    public static let contentSelfPrerequisite = DiagnosticCode("content.self-prerequisite")
    public static let contentUnusedFile = DiagnosticCode("content.unused-file")
    public static let contentLessonWithoutTitle = DiagnosticCode("content.lesson-without-title")
    // site
    public static let siteOutputCollision = DiagnosticCode("site.output-collision")
    // theme
    public static let themeFolderNotFound = DiagnosticCode("theme.folder-not-found")
    public static let themeAssetUnreadable = DiagnosticCode("theme.asset-unreadable")
    public static let themeBundlePartMissing = DiagnosticCode("theme.bundle-part-missing")
    // template
    public static let templateSyntax = DiagnosticCode("template.syntax")
    public static let templateMissing = DiagnosticCode("template.missing")
    public static let templateUnknownVariable = DiagnosticCode("template.unknown-variable")
    public static let templateUnknownString = DiagnosticCode("template.unknown-string")
    public static let templateUnknownAsset = DiagnosticCode("template.unknown-asset")
    // output
    public static let outputRefused = DiagnosticCode("output.refused")
    public static let outputNotAFolder = DiagnosticCode("output.not-a-folder")
    public static let outputNotLatih = DiagnosticCode("output.not-latih")
    public static let outputWriteFailed = DiagnosticCode("output.write-failed")
    // build
    public static let buildInterrupted = DiagnosticCode("build.interrupted")
    // link
    public static let linkRootRelative = DiagnosticCode("link.root-relative")
    public static let linkOutsideContent = DiagnosticCode("link.outside-content")
    public static let linkMissingPage = DiagnosticCode("link.missing-page")
    public static let linkMissingImage = DiagnosticCode("link.missing-image")
    public static let linkMissingAnchor = DiagnosticCode("link.missing-anchor")
    // markdown
    public static let markdownImageWithoutAlt = DiagnosticCode("markdown.image-without-alt")
    public static let markdownTableTooWide = DiagnosticCode("markdown.table-too-wide")
    // quiz
    public static let quizDuplicateID = DiagnosticCode("quiz.duplicate-id")
    public static let quizEmpty = DiagnosticCode("quiz.empty")
    public static let quizUnexpectedLine = DiagnosticCode("quiz.unexpected-line")
    public static let quizUnknownSetting = DiagnosticCode("quiz.unknown-setting")
    public static let quizBadSetting = DiagnosticCode("quiz.bad-setting")
    public static let quizStrayFeedback = DiagnosticCode("quiz.stray-feedback")
    public static let quizEmptyText = DiagnosticCode("quiz.empty-text")
    public static let quizEmptyQuestion = DiagnosticCode("quiz.empty-question")
    public static let quizNoAnswers = DiagnosticCode("quiz.no-answers")
    public static let quizMixedKinds = DiagnosticCode("quiz.mixed-kinds")
    public static let quizBadReflection = DiagnosticCode("quiz.bad-reflection")
    public static let quizEmptyOption = DiagnosticCode("quiz.empty-option")
    public static let quizSingleChoiceCount = DiagnosticCode("quiz.single-choice-count")
    public static let quizNoCorrectOption = DiagnosticCode("quiz.no-correct-option")
    public static let quizTooFewOptions = DiagnosticCode("quiz.too-few-options")
    public static let quizTwoAnswerLines = DiagnosticCode("quiz.two-answer-lines")
    public static let quizNoFullCredit = DiagnosticCode("quiz.no-full-credit")
    public static let quizBadNumber = DiagnosticCode("quiz.bad-number")
    public static let quizEmptyAlternative = DiagnosticCode("quiz.empty-alternative")
    public static let quizTooFewItems = DiagnosticCode("quiz.too-few-items")
    public static let quizBadPair = DiagnosticCode("quiz.bad-pair")
    // lms
    public static let lmsRuntimeMissing = DiagnosticCode("lms.runtime-missing")
    public static let lmsTitleTooLong = DiagnosticCode("lms.title-too-long")
    public static let lmsLinkOutOfCourse = DiagnosticCode("lms.link-out-of-course")
    public static let lmsUnknownCourse = DiagnosticCode("lms.unknown-course")
    public static let lmsWriteFailed = DiagnosticCode("lms.write-failed")
    public static let lmsSchemaMissing = DiagnosticCode("lms.schema-missing")
    // import
    public static let importUnknownCourse = DiagnosticCode("import.unknown-course")
    public static let importBankUnreadable = DiagnosticCode("import.bank-unreadable")
    public static let importQuestionLeftOut = DiagnosticCode("import.question-left-out")
    public static let importQuestionKeptInPart = DiagnosticCode("import.question-kept-in-part")
    public static let importNothingConverted = DiagnosticCode("import.nothing-converted")
    public static let importFileExists = DiagnosticCode("import.file-exists")
    public static let importWriteFailed = DiagnosticCode("import.write-failed")
    // gift
    public static let giftEmpty = DiagnosticCode("gift.empty")
    public static let giftUnclosedBlock = DiagnosticCode("gift.unclosed-block")
    public static let giftBadAnswer = DiagnosticCode("gift.bad-answer")
    public static let giftTooFewPairs = DiagnosticCode("gift.too-few-pairs")
    public static let giftNoRightAnswer = DiagnosticCode("gift.no-right-answer")
    public static let giftBadNumber = DiagnosticCode("gift.bad-number")
    public static let giftNoFullCredit = DiagnosticCode("gift.no-full-credit")
    // external-link
    public static let externalLinkBroken = DiagnosticCode("external-link.broken")
    public static let externalLinkMoved = DiagnosticCode("external-link.moved")
    public static let externalLinkServerError = DiagnosticCode("external-link.server-error")
    public static let externalLinkTimeout = DiagnosticCode("external-link.timeout")
    public static let externalLinkUnreachable = DiagnosticCode("external-link.unreachable")
    // report
    public static let reportUnreadableInput = DiagnosticCode("report.unreadable-input")
    public static let reportNotJSON = DiagnosticCode("report.not-json")
    public static let reportInvalidStatement = DiagnosticCode("report.invalid-statement")
    public static let reportLRSFailed = DiagnosticCode("report.lrs-failed")
    public static let reportClickHouseFailed = DiagnosticCode("report.clickhouse-failed")
    public static let reportNotAnExport = DiagnosticCode("report.not-an-export")
    public static let reportUnmatched = DiagnosticCode("report.unmatched")
    // certify
    public static let keyRefused = DiagnosticCode("certify.key-refused")
    public static let keyUnwritable = DiagnosticCode("certify.key-unwritable")
    public static let keyUnreadable = DiagnosticCode("certify.key-unreadable")
    public static let keyExposed = DiagnosticCode("certify.key-exposed")
    public static let certifyNoBaseURL = DiagnosticCode("certify.no-base-url")
    public static let certifyKeyNotListed = DiagnosticCode("certify.key-not-listed")
    public static let certifyNoNIP = DiagnosticCode("certify.no-nip")
    public static let certifyStatusList = DiagnosticCode("certify.status-list")
    public static let certifyLedgerUnreadable = DiagnosticCode("certify.ledger-unreadable")
    public static let certifyUnknownID = DiagnosticCode("certify.unknown-id")
    public static let certifyWriteFailed = DiagnosticCode("certify.write-failed")
    // csv
    public static let csvBadQuote = DiagnosticCode("csv.bad-quote")
    public static let csvFieldCount = DiagnosticCode("csv.field-count")
    // roster
    public static let rosterEmpty = DiagnosticCode("roster.empty")
    public static let rosterMissingColumn = DiagnosticCode("roster.missing-column")
    public static let rosterNoIdentity = DiagnosticCode("roster.no-identity")
    public static let rosterBadEmail = DiagnosticCode("roster.bad-email")
    public static let rosterDuplicatePerson = DiagnosticCode("roster.duplicate-person")

    /// Every code, in the order `docs/diagnostics.md` lists them.
    public static let all: [DiagnosticCode] = [
        .frontMatterUnclosed, .frontMatterNoColon, .frontMatterBadKey, .frontMatterStrayContinuation,
        .frontMatterUnknownKey, .frontMatterDuplicateKey, .frontMatterAliasDuplicate, .frontMatterMissingKey,
        .frontMatterEmptyValue, .frontMatterNotASlug, .frontMatterNotADuration, .frontMatterNotADate,
        .frontMatterNotYesNo, .frontMatterNotAChoice, .frontMatterNotAnOrigin, .frontMatterNotAURL,
        .frontMatterEmptyListItem, .frontMatterBadKeyItem, .fileTooLarge, .fileUnreadable, .fileBinary, .fileInvalidUTF8,
        .contentFolderNotFound, .contentFolderUnreadable, .contentTooDeep, .contentBrokenLink, .contentLinkOutside,
        .contentUnpublishableName, .contentIgnoredFile, .contentSiteConfMissing, .contentLogoInvalid, .contentInvalidSlug,
        .contentMisplacedFile, .contentUnnumberedLesson, .contentReservedSlug, .contentCourseMdMissing, .contentPrivateFolder,
        .contentModuleMdMissing, .contentEmptyModule, .contentEmptyCourse, .contentDuplicateLessonSlug,
        .contentDraftReference, .contentUnknownCourse, .contentSelfPrerequisite, .contentUnusedFile,
        .contentLessonWithoutTitle, .siteOutputCollision, .themeFolderNotFound, .themeAssetUnreadable,
        .themeBundlePartMissing, .templateSyntax, .templateMissing, .templateUnknownVariable,
        .templateUnknownString, .templateUnknownAsset, .outputRefused, .outputNotAFolder, .outputNotLatih,
        .outputWriteFailed, .buildInterrupted, .linkRootRelative, .linkOutsideContent, .linkMissingPage,
        .linkMissingImage, .linkMissingAnchor, .markdownImageWithoutAlt, .markdownTableTooWide, .quizDuplicateID, .quizEmpty,
        .quizUnexpectedLine, .quizUnknownSetting, .quizBadSetting, .quizStrayFeedback, .quizEmptyText,
        .quizEmptyQuestion, .quizNoAnswers, .quizMixedKinds, .quizBadReflection, .quizEmptyOption,
        .quizSingleChoiceCount, .quizNoCorrectOption, .quizTooFewOptions, .quizTwoAnswerLines, .quizNoFullCredit,
        .quizBadNumber, .quizEmptyAlternative, .quizTooFewItems, .quizBadPair, .lmsRuntimeMissing, .lmsTitleTooLong,
        .lmsLinkOutOfCourse, .lmsUnknownCourse, .lmsWriteFailed, .lmsSchemaMissing, .importUnknownCourse,
        .importBankUnreadable, .importQuestionLeftOut, .importQuestionKeptInPart, .importNothingConverted,
        .importFileExists, .importWriteFailed, .giftEmpty, .giftUnclosedBlock, .giftBadAnswer, .giftTooFewPairs,
        .giftNoRightAnswer, .giftBadNumber, .giftNoFullCredit, .externalLinkBroken, .externalLinkMoved,
        .externalLinkServerError, .externalLinkTimeout, .externalLinkUnreachable, .reportUnreadableInput,
        .reportNotJSON, .reportInvalidStatement, .reportLRSFailed, .reportClickHouseFailed, .reportNotAnExport, .reportUnmatched, .keyRefused, .keyUnwritable, .keyUnreadable, .keyExposed,
        .certifyNoBaseURL, .certifyKeyNotListed, .certifyNoNIP, .certifyStatusList, .certifyLedgerUnreadable, .certifyUnknownID,
        .certifyWriteFailed, .csvBadQuote, .csvFieldCount,
        .rosterEmpty, .rosterMissingColumn, .rosterNoIdentity, .rosterBadEmail, .rosterDuplicatePerson,
    ]
}
