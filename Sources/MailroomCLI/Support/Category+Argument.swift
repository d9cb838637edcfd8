import ArgumentParser
import MailroomCore

extension Category: ExpressibleByArgument {}
