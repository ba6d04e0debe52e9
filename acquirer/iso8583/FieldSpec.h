// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QList>
#include <QString>

#include <array>
#include <optional>

// The ISO 8583 field table as data (docs: /work/shared/design/acquirer-protocol.md §2). The codec has no
// per-field code: everything it knows about a field is in its FieldSpec.
namespace pos {
namespace acquirer {

// Content format. n: BCD digits 0-9. z: track nibbles, stored as upper-case hex digits: 0-9, D for the '='
// separator, and A-F where a track is encrypted with the TDK (acquirer-protocol.md §6.5). an, ans: text
// bytes (printable ASCII; ans with TextEncoding::Gbk also takes GBK double-byte characters). b: binary.
enum class FieldFormat { N, Z, An, Ans, B };

// Fixed length, or a BCD length prefix: LL = 1 byte (00..99), LLL = 2 bytes (0000..0999).
enum class LengthKind { Fixed, LL, LLL };

// Where a BCD field with an odd digit count puts its pad nibble (which must be 0). Left = the value is
// right-aligned (fixed n), Right = left-aligned (variable n/z, and the fixed F22).
enum class PadSide { Left, Right };

// Character set of an/ans fields. GBK fields are read and written through GB18030 (a superset of GBK); the
// codec only accepts the GBK subset (single-byte ASCII and double-byte characters).
enum class TextEncoding { Ascii, Gbk };

struct FieldSpec
{
    int number = 0;                            // 2..64 (primary bitmap only)
    FieldFormat format = FieldFormat::B;       //
    LengthKind lengthKind = LengthKind::Fixed; //
    int maxLength = 0;                         // the fixed length, or the maximum: digits for n/z, bytes else
    PadSide padSide = PadSide::Left;           // n/z only
    TextEncoding encoding = TextEncoding::Ascii; // an/ans only

    bool countsDigits() const { return format == FieldFormat::N || format == FieldFormat::Z; }
    bool isText() const { return format == FieldFormat::An || format == FieldFormat::Ans; }
    bool isVariable() const { return lengthKind != LengthKind::Fixed; }
    // Bytes on the wire for a content of `length` units (digits or bytes), without the length prefix.
    qsizetype contentBytes(qsizetype length) const { return countsDigits() ? (length + 1) / 2 : length; }
    // Bytes of the BCD length prefix: 0, 1 or 2.
    qsizetype prefixBytes() const;
};

// "n", "z", "an", "ans", "b".
QString formatName(FieldFormat format);
// "n..19" style description of a spec, e.g. "n6", "z..37", "ans...163", for messages and tool output.
QString describeSpec(const FieldSpec& spec);

// Fields whose contents are card data or secrets (PAN, tracks, PIN block, IC data, key blocks): error
// details and logs describe them (length, offset) and never show their contents.
bool isSensitiveField(int number);

// Length of the F52 PIN block, an acquirer profile choice [A]: the reference's b64 (8 bytes, DES/3DES PIN
// block) by default; SM4 profiles send the 16-byte SM4 PIN block.
enum class PinBlockSize { Bytes8 = 8, Bytes16 = 16 };

// A set of field specs keyed by field number (2..64). Value type; cheap to copy.
class FieldTable final
{
public:
    // The CUP POS table of acquirer-protocol.md §2 with the project's [A] choices (see FieldSpec.cpp); F52 is
    // fixed binary of pinBlock bytes.
    static FieldTable cupDefault(PinBlockSize pinBlock = PinBlockSize::Bytes8);

    // nullptr when the table has no field with that number.
    const FieldSpec* spec(int number) const;
    bool contains(int number) const { return spec(number) != nullptr; }
    // Adds or replaces a spec. Asserts (programming error) on a spec that cannot be coded: number outside
    // 2..64, maxLength < 1 or beyond what the prefix can express (99 for LL, 999 for LLL).
    void insert(const FieldSpec& spec);
    void remove(int number);
    // Field numbers in the table, ascending.
    QList<int> numbers() const;

private:
    std::array<std::optional<FieldSpec>, 65> m_specs;
};

// Names of the fields the code refers to (ISO 8583:1987 numbers).
struct IsoField
{
    static constexpr int Pan = 2;
    static constexpr int ProcessingCode = 3;
    static constexpr int Amount = 4;
    static constexpr int Stan = 11;
    static constexpr int LocalTime = 12;
    static constexpr int LocalDate = 13;
    static constexpr int ExpiryDate = 14;
    static constexpr int SettlementDate = 15;
    static constexpr int EntryMode = 22;
    static constexpr int CardSequenceNumber = 23;
    static constexpr int ConditionCode = 25;
    static constexpr int PinCaptureCode = 26;
    static constexpr int AcquirerId = 32;
    static constexpr int Track2 = 35;
    static constexpr int Track3 = 36;
    static constexpr int Rrn = 37;
    static constexpr int AuthCode = 38;
    static constexpr int ResponseCode = 39;
    static constexpr int TerminalId = 41;
    static constexpr int MerchantId = 42;
    static constexpr int MerchantName = 43;
    static constexpr int AdditionalResponse = 44;
    static constexpr int AdditionalData = 48;
    static constexpr int Currency = 49;
    static constexpr int PinBlock = 52;
    static constexpr int SecurityControl = 53;
    static constexpr int Balance = 54;
    static constexpr int IcData = 55;
    static constexpr int Reserved60 = 60;
    static constexpr int OriginalData = 61;
    static constexpr int Reserved62 = 62;
    static constexpr int Reserved63 = 63;
    static constexpr int Mac = 64;
};

} // namespace acquirer
} // namespace pos
