import ArgumentParser
import Classification
import Foundation
import MIME
import MailroomCore
import Pipeline
import Rules

extension RulesCommand {
    /// `mailroom rules train PATH...`: counts the category model's features in labelled mail.
    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Learn the category model's word counts from labelled mail.",
            discussion: """
                Reads every NAME.eml under the paths that has a NAME.expected.json beside it whose \
                "category" is a business category (personal mail is told by its sender, not its words), \
                and writes the model file (Rules/model/categories.tsv; a copy in your rules folder's \
                model/ extends the shipped one). See Rules/README.md, "The category model".
                """
        )

        @Argument(help: ArgumentHelp("Folders or .eml files of labelled mail.", valueName: "path"))
        var paths: [String]

        @Option(help: "Where to write the model file; standard output by default.")
        var output: String?

        @OptionGroup var global: GlobalOptions

        struct Label: Decodable { var category: String? }

        func run() throws {
            let classifier = Classifier(rules: try global.rules())
            let source = try MailSource(paths: paths)
            var training = CategoryModel.Training()
            var unlabelled = 0
            var skipped = 0
            for file in source.files() where file.hasSuffix(".eml") {
                let labelURL = URL(fileURLWithPath: String(file.dropLast(4)) + ".expected.json")
                guard let data = try? Data(contentsOf: labelURL),
                    let label = try? JSONDecoder().decode(Label.self, from: data)
                else {
                    unlabelled += 1
                    continue
                }
                guard let category = label.category.flatMap(Category.init(rawValue:)), category != .personal,
                    let raw = try? MailFileReader(path: file).next(),
                    let features = classifier.modelFeatureNames(of: MessageParser.parse(raw.data))
                else {
                    skipped += 1
                    continue
                }
                training.add(features, category: category)
            }
            let total = training.messages.reduce(0, +)
            guard total > 0 else { throw CommandFailure("cannot train the category model: no labelled business mail under \(paths.joined(separator: ", "))") }
            let counts = zip(CategoryModel.categories, training.messages).map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ")
            let text = training.text(comment: [
                "Mailroom category model: in how many training messages of each category each feature occurs.",
                "Written by `mailroom rules train`; do not edit by hand (Rules/README.md, \"The category model\").",
                "Trained on \(total) messages: \(counts).",
            ])
            if let output {
                do {
                    try FileManager.default.createDirectory(at: URL(fileURLWithPath: output).deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
                } catch {
                    throw CommandFailure("cannot write the model to \(output): \(error.localizedDescription)")
                }
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
            Terminal.note("Trained on \(total) messages (\(counts)); \(training.counts.count) features; "
                + "\(unlabelled) without a label, \(skipped) personal or unreadable.")
        }
    }
}
