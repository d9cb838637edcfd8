import MailroomCLI

await Mailroom.runMain()
