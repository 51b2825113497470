//! Handlers of the labels section (`api/labels.rs`): package labels (a small PDF).

use super::*;

impl State {
    pub(super) fn package_label(&self, body: &[u8]) -> Handled {
        let request: PackageLabelRequest = parse(body)?;
        check_batch(
            "posting_number",
            request.posting_number.len(),
            PACKAGE_LABEL_MAX,
        )?;
        let mut not_ready = Vec::new();
        for number in &request.posting_number {
            let p = self
                .fbs_index(number)
                .and_then(|i| self.fbs.get(i))
                .ok_or_else(|| posting_not_found(number))?;
            if !matches!(
                p.status,
                PostingStatus::AwaitingDeliver
                    | PostingStatus::Delivering
                    | PostingStatus::Delivered
            ) {
                not_ready.push(number.to_string());
            }
        }
        if !not_ready.is_empty() {
            return Err(invalid(format!(
                "The next postings aren't ready: {}",
                not_ready.join(", ")
            )));
        }
        let numbers: Vec<&str> = request.posting_number.iter().map(|p| p.as_str()).collect();
        Ok(Answer::raw(
            200,
            tiny_pdf(&format!("Ozon label {}", numbers.join(" "))),
            "application/pdf",
        ))
    }
}
