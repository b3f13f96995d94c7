//! The English wording of RFM's own message codes (the page words them per language in
//! `www/features/rfm/messages.ts`). Every message RFM makes carries this catalogue
//! (`Message::worded_by`), so the CLI and the error's English need no lookup.

use crate::message::Catalogue;

pub const MESSAGES: Catalogue = &[
    (
        "rfm.bins",
        "bins must be between {min} and {max}, got {got}",
    ),
    (
        "rfm.snapshot_date",
        "the snapshot date \"{value}\" is not a YYYY-MM-DD date",
    ),
    (
        "rfm.snapshot_too_early",
        "the snapshot date {snapshot} must be after the latest order day, {last}",
    ),
];
