/// Who reads a rendered number: the two registers every renderer chooses between.
enum Audience: Sendable {
    /// People reading a table or Markdown: Danish style, 1.234.567 and 30,3; ties marked "12=".
    case people
    /// Programs reading CSV or JSON: 1234567 and 30.25, no grouping, no marks.
    case programs
}

extension Audience {
    func format(integer n: Int) -> String {
        compose(negative: n < 0, scaledDigits: String(n.magnitude), decimals: 0)
    }

    /// The amount rounded half away from zero to `decimals` places; nil when it is not finite.
    func format(amount x: Double, decimals: Int) -> String? {
        guard x.isFinite else { return nil }
        let places = max(0, decimals)
        let digits = roundedDigits(x.magnitude, places: places)
        return compose(negative: x < 0, scaledDigits: digits, decimals: places)
    }

    /// Writes a number given as the digits of |x|·10^decimals. A value that rounds to zero
    /// loses its sign: -0,4 shown with no decimals is "0", not "-0".
    private func compose(negative: Bool, scaledDigits digits: String, decimals: Int) -> String {
        let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
        var text = grouped(padded.dropLast(decimals))
        if decimals > 0 {
            text += (self == .people ? "," : ".") + padded.suffix(decimals)
        }
        let isZero = digits.allSatisfy { $0 == "0" }
        return negative && !isZero ? "-" + text : text
    }

    private func grouped(_ whole: Substring) -> String {
        guard self == .people else { return String(whole) }
        let count = whole.count
        var text = ""
        for (offset, digit) in whole.enumerated() {
            if offset > 0 && (count - offset) % 3 == 0 { text.append(".") }
            text.append(digit)
        }
        return text
    }
}

/// The digits of `magnitude`·10^places rounded half away from zero, without leading zeros.
///
/// Most numbers are nowhere near a half and take the quick path through Int. Near a half, it
/// rounds the shortest decimal form that reads back as the same double (Swift's `description`),
/// so rounding acts on the number a person would read: 1.005 rounds to 1.01, where rounding its
/// binary value (1.00499999…) would give 1.00.
private func roundedDigits(_ magnitude: Double, places: Int) -> String {
    var power = 1.0
    for _ in 0..<places { power *= 10 }
    let quick = magnitude * power
    if quick < 1e15, abs(quick - quick.rounded(.down) - 0.5) > 1e-6 {
        return String(Int(quick.rounded(.toNearestOrAwayFromZero)))
    }
    let (digits, exponent) = decimalForm(magnitude)
    let shift = exponent + places
    let scaled: [UInt8]
    if shift >= 0 {
        scaled = digits + Array(repeating: 0, count: shift)
    } else if -shift <= digits.count {
        let kept = Array(digits.dropLast(-shift))
        scaled = digits[digits.count + shift] >= 5 ? incremented(kept) : kept
    } else {
        scaled = []  // less than half a unit in the last place
    }
    let text = scaled.drop { $0 == 0 }.map(String.init).joined()
    return text.isEmpty ? "0" : text
}

/// A finite, non-negative double as decimal digits and a power of ten: 123.45 → ([1,2,3,4,5], -2).
private func decimalForm(_ magnitude: Double) -> (digits: [UInt8], exponent: Int) {
    let parts = magnitude.description.split(separator: "e")
    let mantissa = parts[0]
    let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
    let fractionLength = mantissa.firstIndex(of: ".").map { mantissa[$0...].count - 1 } ?? 0
    let digits = mantissa.compactMap { $0.wholeNumberValue.map(UInt8.init) }
    return (digits, exponent - fractionLength)
}

/// Adds one unit in the last place: [9, 9] → [1, 0, 0].
private func incremented(_ digits: [UInt8]) -> [UInt8] {
    var result = digits
    for index in result.indices.reversed() {
        if result[index] < 9 {
            result[index] += 1
            return result
        }
        result[index] = 0
    }
    return [1] + result
}
