import Foundation
import LatihContent

/// `latih new`: writes a new catalogue, course or lesson that passes `latih check` as it
/// stands, so authors start from something that works and change it.
public enum Scaffold {
    /// Why a scaffold could not be written.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Creates `<dir>/content` with one course of one lesson, and copies the theme from
    /// `theme` into `<dir>/templates`, so the folder builds on its own.
    /// Returns the files written, relative to `dir`.
    @discardableResult
    public static func site(at dir: String, title: String, theme: String) throws -> [String] {
        let fm = FileManager.default
        if fm.fileExists(atPath: dir + "/content") || fm.fileExists(atPath: dir + "/templates") {
            throw Failure(description: "\(dir) already has content/ or templates/; choose an empty folder")
        }
        guard fm.fileExists(atPath: theme + "/layout.mustache") else {
            throw Failure(description: "no theme at \(theme) (layout.mustache is missing); pass --theme <folder>")
        }
        var written: [String] = []
        try write(dir, "content/site.conf", """
            # Pengaturan katalog. Satu baris per pengaturan: kunci: nilai.
            title: \(title)
            description: Katalog pelatihan untuk Aparatur Sipil Negara.
            language: id
            organisation: Nama instansi Anda
            # base-url: https://pelatihan.example.go.id/

            """, &written)
        written += try course(in: dir + "/content", slug: "kursus-pertama", title: "Kursus Pertama").map { "content/" + $0 }
        try write(dir, "content/pages/tentang.md", """
            ---
            title: Tentang katalog ini
            summary: Siapa yang menyusun katalog ini dan untuk siapa.
            ---

            Ceritakan di sini siapa penyusun katalog, untuk siapa, dan ke mana peserta dapat bertanya.

            """, &written)
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try fm.copyItem(atPath: theme, toPath: dir + "/templates")
        written.append("templates/")
        return written
    }

    /// Creates `courses/<slug>/course.md` and a first lesson under `content`.
    /// Returns the files written, relative to `content`.
    @discardableResult
    public static func course(in content: String, slug: String, title: String? = nil) throws -> [String] {
        try checkSlug(slug, "course")
        let dir = "courses/\(slug)"
        if FileManager.default.fileExists(atPath: content + "/" + dir) {
            throw Failure(description: "\(content)/\(dir) already exists")
        }
        let title = title ?? Self.title(from: slug)
        var written: [String] = []
        try write(content, dir + "/course.md", """
            ---
            title: \(title)
            summary: Satu kalimat tentang apa yang dipelajari dan untuk siapa.
            level: dasar
            category: Umum
            tags: contoh
            competencies: Tuliskan kompetensi yang dibangun
            duration: 30 menit
            ---

            Jelaskan tujuan kursus ini: apa yang dapat dilakukan peserta setelah menyelesaikannya.

            Setelah menyelesaikan kursus ini, Anda dapat:

            - hasil belajar pertama;
            - hasil belajar kedua.

            """, &written)
        written.append(dir + "/" + (try lesson(in: content, course: slug, slug: "pengantar", title: "Pengantar")))
        return written
    }

    /// Adds `courses/<course>/NN-<slug>.md` with the next free number.
    /// Returns the file name written.
    @discardableResult
    public static func lesson(in content: String, course: String, slug: String, title: String? = nil) throws -> String {
        try checkSlug(slug, "lesson")
        let dir = content + "/courses/" + course
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw Failure(description: "no course folder \(dir); create it with `latih new course \(course)`")
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        let existing = names.compactMap { name -> (Int, String)? in
            guard name.hasSuffix(".md") else { return nil }
            return Slug.ordered(String(name.dropLast(3)))
        }
        if existing.contains(where: { $0.1 == slug }) {
            throw Failure(description: "course \(course) already has a lesson `\(slug)`")
        }
        let next = (existing.map(\.0).max() ?? 0) + 1
        let name = String(format: "%02d-%@.md", next, slug)
        let title = title ?? Self.title(from: slug)
        var written: [String] = []
        try write(dir, name, """
            ---
            title: \(title)
            summary: Satu kalimat yang menjelaskan isi pelajaran ini.
            duration: 15 menit
            ---

            Tulis pembuka singkat: mengapa pelajaran ini penting bagi pekerjaan peserta.

            ## Bagian pertama

            Isi pelajaran. Gunakan subjudul, daftar, dan tabel seperlunya.

            ```quiz
            ? Pertanyaan latihan untuk memeriksa pemahaman.
            (x) Jawaban yang benar
            ( ) Jawaban yang salah
            ! Penjelasan yang muncul setelah peserta menjawab.
            ```

            """, &written)
        return name
    }

    /// "literasi-data" → "Literasi Data".
    static func title(from slug: String) -> String {
        slug.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    static func checkSlug(_ slug: String, _ what: String) throws {
        guard Slug.isValid(slug) else {
            throw Failure(description: "`\(slug)` is not a valid \(what) slug: use lowercase letters a-z, digits and hyphens, e.g. literasi-data")
        }
    }

    static func write(_ base: String, _ path: String, _ text: String, _ written: inout [String]) throws {
        let full = base + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        guard !FileManager.default.fileExists(atPath: full) else { throw Failure(description: "\(full) already exists") }
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        written.append(path)
    }
}
