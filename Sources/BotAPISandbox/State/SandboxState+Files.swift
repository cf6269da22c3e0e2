import Foundation
import TelegramBotAPI

/// A file the sandbox keeps, by its `file_id`.
struct StoredFile {
    var fileID: String
    var uniqueID: String
    var path: String
    var bytes: [UInt8]
}

extension SandboxState {
    /// Keeps `bytes` and gives them a file_id, file_unique_id and download path.
    func storeFile(_ bytes: [UInt8], folder: String, fileExtension: String) -> StoredFile {
        let number = nextFileNumber
        nextFileNumber += 1
        let file = StoredFile(
            fileID: "SBX\(folder.prefix(3).uppercased())\(number)-\(String(random.next(), radix: 36))",
            uniqueID: "SBXU\(number)", path: "\(folder)/file_\(number).\(fileExtension)", bytes: bytes
        )
        files[file.fileID] = file
        return file
    }

    /// Keeps `bytes` under a file_id of the caller's choosing, as a file Telegram already has: the
    /// same id on every start, so a database that names it still finds it.
    public func keepFile(_ bytes: [UInt8], as fileID: String, path: String) {
        files[fileID] = StoredFile(fileID: fileID, uniqueID: "SBXU-\(fileID)", path: path, bytes: bytes)
    }

    /// Photo sizes as Telegram makes them from one upload: three widths, each its own file.
    func photoSizes(for bytes: [UInt8]) -> [PhotoSize] {
        [(90, 67), (320, 240), (800, 600)].map { width, height in
            let file = storeFile(bytes, folder: "photos", fileExtension: "jpg")
            var size = PhotoSize(fileID: file.fileID, fileUniqueID: file.uniqueID, width: Int64(width), height: Int64(height))
            size.fileSize = Int64(bytes.count)
            return size
        }
    }

    /// The file a send method names: an upload, or a file_id the sandbox already has.
    func inputFile(_ parameters: MethodParameters, _ name: String) throws(SandboxError) -> (upload: MultipartPart?, existing: StoredFile?) {
        if let upload = parameters.files[name] { return (upload, nil) }
        guard let reference = parameters.string(name), !reference.isEmpty else {
            throw .badRequest("Bad Request: there is no \(name) in the request")
        }
        if reference.hasPrefix("attach://"), let upload = parameters.files[String(reference.dropFirst("attach://".count))] {
            return (upload, nil)
        }
        guard let file = files[reference] else {
            // No network here: a URL can't be fetched, and an unknown id was never issued.
            throw .badRequest("Bad Request: wrong file identifier/HTTP URL specified")
        }
        return (nil, file)
    }

    func sendPhoto(_ parameters: MethodParameters) throws(SandboxError) -> Message {
        let chatID = try parameters.chatID()
        let (upload, existing) = try inputFile(parameters, "photo")
        let (caption, entities) = try formatted(parameters, text: parameters.string("caption") ?? "", entitiesKey: "caption_entities")
        try checkCaption(caption)
        let keyboard = try inlineKeyboard(parameters)
        _ = try writableChat(chatID)
        let sizes: [PhotoSize]
        if let upload {
            guard !upload.bytes.isEmpty else { throw .badRequest("Bad Request: file must be non-empty") }
            sizes = photoSizes(for: upload.bytes)
        } else {
            sizes = photoSizes(for: existing!.bytes)
        }
        return botPosts(in: chatID) { message in
            message.photo = sizes
            message.caption = caption.isEmpty ? nil : caption
            message.captionEntities = entities
            message.replyMarkup = keyboard
        }
    }

    func sendDocument(_ parameters: MethodParameters) throws(SandboxError) -> Message {
        let chatID = try parameters.chatID()
        let (upload, existing) = try inputFile(parameters, "document")
        let (caption, entities) = try formatted(parameters, text: parameters.string("caption") ?? "", entitiesKey: "caption_entities")
        try checkCaption(caption)
        let keyboard = try inlineKeyboard(parameters)
        _ = try writableChat(chatID)
        let document: Document
        if let upload {
            guard !upload.bytes.isEmpty else { throw .badRequest("Bad Request: file must be non-empty") }
            let name = upload.filename ?? "document"
            let file = storeFile(upload.bytes, folder: "documents", fileExtension: name.split(separator: ".").last.map(String.init) ?? "bin")
            document = Document(
                fileID: file.fileID, fileUniqueID: file.uniqueID, fileName: name, mimeType: upload.contentType, fileSize: Int64(upload.bytes.count))
        } else {
            let file = existing!
            document = Document(fileID: file.fileID, fileUniqueID: file.uniqueID, fileSize: Int64(file.bytes.count))
        }
        return botPosts(in: chatID) { message in
            message.document = document
            message.caption = caption.isEmpty ? nil : caption
            message.captionEntities = entities
            message.replyMarkup = keyboard
        }
    }

    func getFile(_ parameters: MethodParameters) throws(SandboxError) -> File {
        guard let id = parameters.string("file_id"), let file = files[id] else { throw .badRequest("Bad Request: invalid file_id") }
        return File(fileID: file.fileID, fileUniqueID: file.uniqueID, fileSize: Int64(file.bytes.count), filePath: file.path)
    }

    /// The bytes behind a getFile path, for the download route.
    func fileBytes(atPath path: String) -> [UInt8]? {
        files.values.first { $0.path == path }?.bytes
    }

    /// The user sends a photo; Telegram delivers it in several sizes.
    /// The bytes of a file the bot uploaded or a user sent, by its file id.
    public func fileBytes(_ fileID: String) -> [UInt8]? {
        files[fileID]?.bytes
    }

    public func userSendsPhoto(_ userID: Int64, bytes: [UInt8], caption: String? = nil) throws(SandboxError) -> Message {
        let sizes = photoSizes(for: bytes)
        return try userPosts(userID) { message in
            message.photo = sizes
            message.caption = caption
        }
    }

    /// The user sends a document, such as a file of license keys.
    public func userSendsDocument(
        _ userID: Int64, bytes: [UInt8], fileName: String, mimeType: String = "text/plain", caption: String? = nil
    ) throws(SandboxError) -> Message {
        let file = storeFile(bytes, folder: "documents", fileExtension: fileName.split(separator: ".").last.map(String.init) ?? "bin")
        let document = Document(
            fileID: file.fileID, fileUniqueID: file.uniqueID, fileName: fileName, mimeType: mimeType, fileSize: Int64(bytes.count))
        return try userPosts(userID) { message in
            message.document = document
            message.caption = caption
        }
    }
}
