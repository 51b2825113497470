//! Drift between two snapshots of a vendor's OpenAPI documents.
