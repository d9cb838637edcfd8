import MailroomCLI
import Pipeline

MemoryArenas.limit()
await Mailroom.runMain()
