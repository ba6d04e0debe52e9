-- Activation progress of the terminal (core/ledger/TerminalActivationStore.h), resumable step by step.
-- The API secret is stored sealed (AES-256-GCM, key outside this file); the activation code is cleared once
-- the terminal is activated.
ALTER TABLE terminal_profile ADD COLUMN activation_step INTEGER NOT NULL DEFAULT 0
    CHECK (activation_step BETWEEN 0 AND 6);
ALTER TABLE terminal_profile ADD COLUMN activation_code TEXT;
ALTER TABLE terminal_profile ADD COLUMN merchant_name TEXT;
ALTER TABLE terminal_profile ADD COLUMN api_key_id TEXT;
ALTER TABLE terminal_profile ADD COLUMN api_secret_sealed BLOB;
ALTER TABLE terminal_profile ADD COLUMN card_host TEXT;
ALTER TABLE terminal_profile ADD COLUMN tmk_scheme TEXT CHECK (tmk_scheme IS NULL OR tmk_scheme IN ('3des', 'sm4'));
ALTER TABLE terminal_profile ADD COLUMN first_swipe_rrn TEXT;
