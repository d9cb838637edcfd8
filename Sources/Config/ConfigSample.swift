/// The fully commented sample that `mailroom config example` prints; the loader accepts it.
public enum ConfigSample {
    /// The sample, as printed.
    public static let text = #"""
        # Mailroom configuration: ~/.config/mailroom/config.yaml
        # (or the file named by --config or $MAILROOM_CONFIG). Unknown keys are refused, with
        # their line and column, so a typo never goes unnoticed.

        # IMAP accounts, by name. `mailroom accounts add` writes entries like these.
        accounts:
          personal:
            # The server. The port defaults to 993 for tls and 143 for starttls and plain.
            host: imap.example.org
            port: 993
            # tls (TLS from the start), starttls (upgrade a plain connection), or plain
            # (no encryption: allowed only for this machine, localhost or 127.0.0.1).
            security: tls
            user: camille@example.org
            # Where the password comes from, one of:
            #   password_command: a shell command whose first output line is the password
            #   password_env: the name of an environment variable holding it
            #   password: the password itself, only if this file is readable by you alone
            #             (chmod 600); otherwise the file is refused
            password_command: pass show mail/example.org
            # Certificates are checked against the system's authorities. For a private
            # authority, name its certificate file; for a self-signed server, pin the
            # certificate's SHA-256 fingerprint (a refused connection prints it).
            # ca_file: ~/.config/mailroom/my-ca.pem
            # fingerprint: 3a2475f605f97cda81dd682c7f31c2b49e072b0b55827d0fda49d8639f6779d2
            # What to sync. By default INBOX and the archive ("\Archive" or "\All" special use);
            # Trash, Junk, Drafts and Sent are skipped unless included here. Entries are
            # mailbox names ("Clients/Acme"), globs ("Clients/*") or special uses ("\Sent").
            mailboxes:
              include: [INBOX, "\\Archive", "\\All"]
              exclude: []

        # What happens on the server to mail from partners you refuse. Refused mail is always
        # kept and only hidden locally; nothing is ever deleted on the server. `sync` and the
        # daemon apply the action after each pass, once per message.
        refusals:
          # none (default), keyword (adds the keyword below; removed again when you accept
          # the partner), or move (to the folder below; never moved back)
          action: none
          keyword: $MailroomRefused
          # folder: Refused
          # Create the folder when the account has none by that name (else it is an error).
          create_folder: false

        # The static HTML report.
        report:
          # output: ~/mailroom-report
          regenerate_after_sync: false

        # The background daemon (`mailroom daemon`).
        daemon:
          # Seconds between checks of INBOX on servers without IDLE.
          poll_interval: 300
          # Seconds between checks of the other mailboxes (IDLE watches INBOX only).
          recheck_interval: 900
        """#
}
