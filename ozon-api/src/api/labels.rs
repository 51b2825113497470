//! Labels: FBS package labels, at once (a PDF) or through an asynchronous label task.

use std::time::Duration;

use bytes::Bytes;
use market_core::task::TaskState;
use market_core::transport::{EXCERPT_LEN, Operation, Transport, Vendor};
use market_core::{Error, LabelFormat, Result};
use url::Url;

use crate::Client;
use crate::ids::PostingNumber;
use crate::models::labels::*;

/// The most postings a package-label request carries.
pub const PACKAGE_LABEL_MAX: usize = 20;

/// `POST /v2/posting/fbs/package-label`.
pub static PACKAGE_LABEL: Operation =
    Operation::post("package_label", "/v2/posting/fbs/package-label").batch_max(PACKAGE_LABEL_MAX);
/// `POST /v2/posting/fbs/package-label/create`.
pub static LABEL_TASK_CREATE: Operation =
    Operation::post("label_task_create", "/v2/posting/fbs/package-label/create").non_idempotent();
/// `POST /v1/posting/fbs/package-label/get`.
pub static LABEL_TASK_GET: Operation =
    Operation::post("label_task_get", "/v1/posting/fbs/package-label/get");
/// `GET` of a label file by the URL a completed task gives: sent to that URL
/// ([`market_core::transport::Request::absolute_url`]), not below the base URL.
pub static LABEL_FILE: Operation = Operation::get("label_file", "{file}");

/// The labels section: `client.labels()`.
#[derive(Debug, Clone, Copy)]
pub struct LabelsApi<'a> {
    client: &'a Client,
}

impl Client {
    /// Labels: FBS package labels.
    pub fn labels(&self) -> LabelsApi<'_> {
        LabelsApi { client: self }
    }
}

/// Rejects an empty posting list, a list over `max`, and empty posting numbers.
fn validate_postings(postings: &[PostingNumber], max: Option<usize>) -> Result<()> {
    if postings.is_empty() {
        return Err(Error::Validation {
            item: None,
            message: "no posting numbers".into(),
        });
    }
    if let Some(max) = max
        && postings.len() > max
    {
        return Err(Error::Validation {
            item: None,
            message: format!(
                "{} posting numbers; at most {max} a request",
                postings.len()
            ),
        });
    }
    if let Some(p) = postings.iter().find(|p| p.as_str().trim().is_empty()) {
        return Err(Error::validation(
            format!("posting {:?}", p.as_str()),
            "empty posting number",
        ));
    }
    Ok(())
}

impl<'a> LabelsApi<'a> {
    /// `POST /v2/posting/fbs/package-label`: the labels of up to 20 postings as one PDF.
    ///
    /// If one posting fails, Ozon builds none; labels are usually ready 45-60 s after the
    /// posting is packed. The spec files the answer under `application/pdf` with a JSON schema
    /// (`file_content` in base64), so both are read: a raw PDF body is returned as is, a JSON
    /// body has its `file_content` decoded. Anything that is not a PDF is an
    /// [`Error::Decode`].
    pub async fn package_label(&self, posting_numbers: &[PostingNumber]) -> Result<Bytes> {
        validate_postings(posting_numbers, Some(PACKAGE_LABEL_MAX))?;
        let request = PackageLabelRequest {
            posting_number: posting_numbers.to_vec(),
        };
        let transport = &self.client.transport;
        let response = transport
            .send(PACKAGE_LABEL.request().json(&request)?)
            .await?;
        label_pdf(transport, response.body)
    }

    /// `POST /v2/posting/fbs/package-label/create`: starts building the labels of postings;
    /// returns one task per label size. Not repeated on failure (it creates tasks).
    pub async fn create_task(&self, posting_numbers: &[PostingNumber]) -> Result<Vec<LabelTask>> {
        validate_postings(posting_numbers, None)?;
        let request = CreateLabelTaskRequest {
            posting_number: posting_numbers.to_vec(),
        };
        let response: CreateLabelTaskResponse = self
            .client
            .transport
            .json(LABEL_TASK_CREATE.request().json(&request)?)
            .await?;
        Ok(response.result.tasks)
    }

    /// `POST /v1/posting/fbs/package-label/get`: the status of a label task, and the file URL
    /// once completed.
    pub async fn task_status(&self, task_id: i64) -> Result<LabelTaskState> {
        if task_id <= 0 {
            return Err(Error::validation(
                format!("label task {task_id}"),
                "not a valid task id",
            ));
        }
        let response: GetLabelTaskResponse = self
            .client
            .transport
            .json(
                LABEL_TASK_GET
                    .request()
                    .json(&GetLabelTaskRequest { task_id })?,
            )
            .await?;
        Ok(response.result)
    }

    /// Polls a label task every `poll_every` until it completes, and returns the file URL
    /// (fetch it with [`LabelsApi::download`]); the waiting is
    /// [`market_core::task::poll`]'s, on tokio's clock.
    ///
    /// The time budget counts the waits: after waiting `max_wait` in all, the task is polled
    /// once more and, if still not done, the call fails with [`Error::Timeout`]. A task Ozon
    /// reports as failed is an [`Error::TaskFailed`] carrying Ozon's error code.
    pub async fn wait_for_task(
        &self,
        task_id: i64,
        poll_every: Duration,
        max_wait: Duration,
    ) -> Result<String> {
        let policy = market_core::task::PollPolicy::fixed(poll_every, max_wait);
        market_core::task::poll(
            market_core::MarketplaceKind::Ozon.name(),
            LABEL_TASK_GET.name,
            task_id,
            policy,
            || async move {
                let state = self.task_status(task_id).await?;
                Ok(match state.status {
                    Some(LabelTaskStatus::Completed) if !state.file_url.is_empty() => {
                        TaskState::Done(state.file_url)
                    }
                    Some(LabelTaskStatus::Completed) => {
                        return Err(Error::Decode {
                            vendor: market_core::MarketplaceKind::Ozon.name(),
                            operation: LABEL_TASK_GET.name,
                            path: "result.file_url".into(),
                            message: "the task is completed but gives no file URL".into(),
                            excerpt: String::new(),
                        });
                    }
                    Some(LabelTaskStatus::Error) => TaskState::Failed {
                        code: (!state.error.is_empty()).then(|| state.error.clone()),
                        message: "Ozon could not build the labels".into(),
                    },
                    _ => TaskState::Pending,
                })
            },
        )
        .await
    }

    /// Fetches a label file (the URL of a completed task) and checks that it is a PDF.
    ///
    /// The GET goes through the client's own transport (its connection pool, retry policy,
    /// timeouts and typed errors) to the URL as given, query included. Ozon's credentials
    /// are sent only when the URL is on the client's own origin (scheme, host, port); the
    /// file links Ozon gives are on its CDN and get none, nor do they spend Ozon's quota.
    pub async fn download(&self, url: &str) -> Result<Bytes> {
        let parsed =
            Url::parse(url).map_err(|e| Error::validation(url, format!("not a URL: {e}")))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(Error::validation(url, "not an http(s) URL"));
        }
        if parsed
            .path_segments()
            .and_then(|mut s| s.next_back())
            .is_none_or(str::is_empty)
        {
            return Err(Error::validation(url, "the URL names no file"));
        }
        let transport = &self.client.transport;
        let request = LABEL_FILE.request().absolute_url(parsed)?;
        let response = transport.send(request).await?;
        if LabelFormat::sniff(&response.body) == Some(LabelFormat::Pdf) {
            Ok(response.body)
        } else {
            Err(not_pdf(
                transport.vendor(),
                LABEL_FILE.name,
                ".",
                &response.body,
            ))
        }
    }
}

/// The error for a label that is not a PDF; the quote of the body has the key replaced before
/// it is cut (a key straddling the limit never keeps its first characters).
fn not_pdf(vendor: &dyn Vendor, operation: &'static str, path: &str, body: &[u8]) -> Error {
    let text = vendor.redact(String::from_utf8_lossy(body).into_owned());
    Error::Decode {
        vendor: market_core::MarketplaceKind::Ozon.name(),
        operation,
        path: path.into(),
        message: "the label is not a PDF".into(),
        excerpt: market_core::error::excerpt(text.as_bytes(), EXCERPT_LEN),
    }
}

/// The PDF of a package-label answer: the body itself, or the `file_content` of a JSON body
/// (base64, or the file's bytes as text as in the spec's example).
fn label_pdf(transport: &Transport, body: Bytes) -> Result<Bytes> {
    let is_pdf = |b: &[u8]| LabelFormat::sniff(b) == Some(LabelFormat::Pdf);
    if is_pdf(&body) {
        return Ok(body);
    }
    if !body.trim_ascii_start().starts_with(b"{") {
        return Err(not_pdf(transport.vendor(), PACKAGE_LABEL.name, ".", &body));
    }
    let json: PackageLabelResponse = transport.decode(&PACKAGE_LABEL, &body)?;
    if let Some(file) = base64_decode(&json.file_content).filter(|b| is_pdf(b)) {
        return Ok(Bytes::from(file));
    }
    // The spec's example carries the file as text: its bytes as characters U+0000..U+00FF
    // when they all are, else the text as it came.
    let text = json.file_content;
    let file: Vec<u8> = text
        .chars()
        .map(|c| u8::try_from(u32::from(c)).ok())
        .collect::<Option<Vec<u8>>>()
        .unwrap_or_else(|| text.clone().into_bytes());
    if is_pdf(&file) {
        Ok(Bytes::from(file))
    } else {
        Err(not_pdf(
            transport.vendor(),
            PACKAGE_LABEL.name,
            "file_content",
            text.as_bytes(),
        ))
    }
}

/// Decodes standard or URL-safe base64, ignoring whitespace; `None` on any other character.
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 3);
    let mut acc: u32 = 0;
    let mut bits: u32 = 0;
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            b' ' | b'\n' | b'\r' | b'\t' => continue,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xff) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_decodes_standard_and_url_safe_text() {
        assert_eq!(base64_decode("JVBERi0xLjQK").unwrap(), b"%PDF-1.4\n");
        assert_eq!(base64_decode("JVBE\nRi0x").unwrap(), b"%PDF-1");
        assert_eq!(base64_decode("YQ==").unwrap(), b"a");
        assert_eq!(base64_decode("_-8").unwrap(), [0xff, 0xef]);
        assert!(base64_decode("%PDF").is_none());
    }
}
