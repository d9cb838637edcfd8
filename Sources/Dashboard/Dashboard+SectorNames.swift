import MailroomCore

extension Dashboard {
    /// The name people read for `sector` (`Transport and travel`), its id when the rules give
    /// none, the empty string for no sector.
    public func sectorName(_ sector: Sector?) -> String {
        guard let sector else { return "" }
        return sectorNames[sector] ?? sector.rawValue
    }
}
