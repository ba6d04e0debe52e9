// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QByteArrayView>

namespace pos {
namespace acquirer {
class Iso8583Codec;
} // namespace acquirer
} // namespace pos

// The bodies of the libFuzzer targets in fuzz/fuzz_<name>.cpp, callable without libFuzzer so the gcc test
// suite can replay the committed corpora and crashers (tests/fuzz/tst_fuzz_corpus_replay.cpp).
//
// Contract of every function: it accepts any bytes, never crashes or leaks (the sanitizers check that in the
// fuzz build), and returns whether every property it checks held for this input. A rejected input is not a
// violation; a violation is, e.g., a message that decodes but does not re-encode to the same bytes. On a
// violation the function writes one line naming the property to stderr (never the input bytes: corpora may
// be built from card-like data). Only the extern "C" LLVMFuzzerTestOneInput wrappers, compiled when
// POS_LIBFUZZER is defined, turn a violation into abort() so libFuzzer records a crasher.
namespace pos {
namespace fuzz {

// fuzz_iso8583_decode: Iso8583Codec (cupDefault) decodeFrame and decode, exact re-encoding, macBlock, and
// FrameReassembler fed the bytes in one piece and in two chunks.
bool iso8583DecodeHolds(QByteArrayView data);
// The same properties with separate codecs for decoding and re-encoding. The fuzz target passes one codec
// twice; the replay test's negative control passes an encoder with another frame layout, which must be
// reported as a violation.
bool iso8583PropertiesHold(QByteArrayView data,
                           const acquirer::Iso8583Codec& decoder,
                           const acquirer::Iso8583Codec& encoder);

// fuzz_tlv: decodeTlv (flat and recursive) and exact re-encoding with encodeTlv.
bool tlvHolds(QByteArrayView data);

// fuzz_structured_fields: data[0] selects a parser of StructuredFields.h or the F62 work-key unwrapping
// (structuredFieldSelectorCount choices, modulo); the rest of data is its input.
bool structuredFieldsHold(QByteArrayView data);
inline constexpr int structuredFieldSelectorCount = 8;

// fuzz_host_json: QJsonDocument::fromJson and the pos-tool ISO 8583 JSON reader (cli/Iso8583Json.h).
bool hostJsonHolds(QByteArrayView data);

// fuzz_api_responses: data[0] selects a response parser of acquirer/api/ApiResponses.h
// (apiResponseSelectorCount choices, modulo: 0 QR order, 1 QR bill, 2 error body, 3 document upload,
// 4 application submitted, 5 application status, 6 activation, 7 agreement terms); the rest is the body.
bool apiResponsesHold(QByteArrayView data);
inline constexpr int apiResponseSelectorCount = 8;
// fuzz_activation_terms: the F62 first-swipe terms parser (accepted terms keep the rules and rebuild to the
// same bytes).
bool activationTermsHold(QByteArrayView data);
// fuzz_http_request: the acquirer simulator's HTTP/1.1 request parser fed in one piece, two pieces and byte
// by byte.
bool httpRequestHolds(QByteArrayView data);

// fuzz_pinpad_frames: the PIN pad frame reader (whole vs byte by byte, re-encoding) and its tagged items.
bool pinPadFramesHold(QByteArrayView data);

// fuzz_printer_status: data[0] % 8 DLE EOT replies awaited, the rest the printer's bytes (StatusReader, ASB).
bool printerStatusHolds(QByteArrayView data);

// fuzz_escpos_decoder: the printer emulator's ESC/POS decoder (items contiguous, bytes join back into the
// input up to the error, measureEscPos agrees with decodeEscPos).
bool escPosDecoderHolds(QByteArrayView data);
// fuzz_usb_descriptors: the USB configuration/device descriptor parsers, choosePrinterInterface, and the
// IEEE 1284 GET_DEVICE_ID reply parser, all on the same bytes.
bool usbDescriptorsHold(QByteArrayView data);

} // namespace fuzz
} // namespace pos
