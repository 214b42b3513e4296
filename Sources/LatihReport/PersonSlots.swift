/// Who a learner key belongs to: a roster row, matched by email (`mailto:`) or by an
/// account whose name is the row's NIP, or else a person of their own. Two keys of one
/// roster person share a slot. Roster rows are the first slots, in roster order.
struct PersonSlots {
    let people: [Person]
    private var byEmail: [String: Int] = [:]
    private var byNIP: [String: Int] = [:]
    private var slots: [String: Int] = [:]
    /// The person (a roster row's index) of each slot; nil for an actor the roster lacks.
    private(set) var person: [Int?]

    init(roster: [Person]?) {
        people = roster ?? []
        person = people.indices.map { $0 }
        for (i, p) in people.enumerated() {
            if !p.email.isEmpty { byEmail[p.email] = i }
            if !p.nip.isEmpty { byNIP[p.nip] = i }
        }
    }

    var count: Int { person.count }

    mutating func slot(_ key: String) -> Int {
        if let s = slots[key] { return s }
        var match: Int?
        if key.hasPrefix("mailto:") { match = byEmail[String(key.dropFirst(7))] }
        else if key.hasPrefix("account:"), let bar = key.lastIndex(of: "|") { match = byNIP[String(key[key.index(after: bar)...])] }
        let slot = match ?? person.count
        if match == nil { person.append(nil) }
        slots[key] = slot
        return slot
    }

    /// The roster row a slot is, or nil for an actor the roster does not list.
    func rosterPerson(_ slot: Int) -> Person? { person[slot].map { people[$0] } }

    /// The id a roster person with no records is known by.
    func fallbackID(_ slot: Int) -> String {
        guard let p = person[slot].map({ people[$0] }) else { return "" }
        return p.email.isEmpty ? "account:|\(p.nip)" : "mailto:\(p.email)"
    }
}
