// Generated from lessons/*.md by `NNEXPLAIN_RECORD=1 swift test --filter LessonTests`; do not edit.

/// The lessons compiled into the tool, in order.
enum Lessons {
    struct Lesson: Sendable {
        let file: String
        let title: String
        let text: String
    }

    static let all: [Lesson] = []
}
