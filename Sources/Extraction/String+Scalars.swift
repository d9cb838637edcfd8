extension String {
    /// The text made of `scalars`, written out as UTF-8 at once: the same string as
    /// `String(String.UnicodeScalarView(scalars))`, which appends scalar by scalar and costs
    /// several times more (lines are sliced by scalar offsets on every amount and label).
    init(scalars: some Collection<Unicode.Scalar>) {
        let capacity = scalars.count * 4
        self.init(unsafeUninitializedCapacity: capacity) { buffer in
            var written = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    buffer[written] = byte
                    written += 1
                }
            }
            return written
        }
    }
}
