//! Wire types of the labels section: FBS package labels, at once or through a label task.

use serde::{Deserialize, Serialize};

use crate::ids::PostingNumber;
use market_core::wire::de;

/// `POST /v2/posting/fbs/package-label` request (schema `postingPostingFBSPackageLabelRequest`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PackageLabelRequest {
    /// Postings, at most [`crate::api::labels::PACKAGE_LABEL_MAX`].
    pub posting_number: Vec<PostingNumber>,
}

/// `POST /v2/posting/fbs/package-label` answer when it comes as JSON (schema
/// `postingPostingFBSPackageLabelResponse`, which the spec files under `application/pdf`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PackageLabelResponse {
    /// The file type (`application/pdf`).
    #[serde(default)]
    pub content_type: String,
    /// The file, base64-encoded (the spec's `format: byte`).
    #[serde(default)]
    pub file_content: String,
    /// The label file's name.
    #[serde(default)]
    pub file_name: String,
}

/// `POST /v2/posting/fbs/package-label/create` request (schema `v1CreateLabelBatchRequest`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CreateLabelTaskRequest {
    /// Postings to label.
    pub posting_number: Vec<PostingNumber>,
}

/// `POST /v2/posting/fbs/package-label/create` response (schema `v2CreateLabelBatchResponse`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CreateLabelTaskResponse {
    /// The tasks created.
    #[serde(default)]
    pub result: CreateLabelTaskResult,
}

/// The tasks created (schema `v2CreateLabelBatchResponseResult`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CreateLabelTaskResult {
    /// One task per label size.
    #[serde(default)]
    pub tasks: Vec<LabelTask>,
}

market_core::wire_enum! {
    /// Label size of a task (`task_type` of schema `v2CreateLabelBatchResponseResultTasks`; a
    /// free string in the schema, values from its prose, so unknown values are always kept).
    pub enum LabelTaskType {
        /// The regular label.
        BigLabel = "big_label",
        /// The small label.
        SmallLabel = "small_label",
    }
}

market_core::wire_enum! {
    /// Label task status (`status` of schema `v1GetLabelBatchResponseResult`; a free string in
    /// the schema, values from its prose, so unknown values are always kept).
    pub enum LabelTaskStatus {
        /// Queued.
        Pending = "pending",
        /// Being built.
        InProgress = "in_progress",
        /// The file is ready.
        Completed = "completed",
        /// Building the file failed.
        Error = "error",
    }
}

market_core::impl_open_enum!(LabelTaskType, LabelTaskStatus);

/// One label task (schema `v2CreateLabelBatchResponseResultTasks`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct LabelTask {
    /// The task id, for [`crate::api::labels::LabelsApi::task_status`].
    #[serde(default, deserialize_with = "de::int64")]
    pub task_id: i64,
    /// Which label the task builds.
    #[serde(default, deserialize_with = "de::open_enum")]
    pub task_type: Option<LabelTaskType>,
}

/// `POST /v1/posting/fbs/package-label/get` request (schema `v1GetLabelBatchRequest`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct GetLabelTaskRequest {
    /// The label task's id, from the answer of [`crate::api::labels::LABEL_TASK_CREATE`].
    pub task_id: i64,
}

/// `POST /v1/posting/fbs/package-label/get` response (schema `v1GetLabelBatchResponse`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct GetLabelTaskResponse {
    /// The task's state.
    #[serde(default)]
    pub result: LabelTaskState,
}

/// The state of a label task (schema `v1GetLabelBatchResponseResult`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct LabelTaskState {
    /// Ozon's error code, when the task failed.
    #[serde(default)]
    pub error: String,
    /// The link to the file, once completed.
    #[serde(default)]
    pub file_url: String,
    /// Postings whose labels the file holds.
    #[serde(default)]
    pub printed_postings_count: i32,
    /// How far the task is: `pending` (queued), `in_progress`, `completed` (the file is ready) or
    /// `error`.
    #[serde(default, deserialize_with = "de::open_enum")]
    pub status: Option<LabelTaskStatus>,
    /// Postings whose labels could not be made, each with Ozon's reason.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub unprinted_postings: Vec<UnprintedPosting>,
    /// How many postings have no label.
    #[serde(default)]
    pub unprinted_postings_count: i32,
}

/// A posting a label task could not label (schema `ResultUnprintedPosting`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct UnprintedPosting {
    /// Ozon's reason.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub msg: String,
    /// Ozon's posting number (`57195475-0050-3`: the order number and the shipment's index).
    #[serde(default)]
    pub posting_number: PostingNumber,
}
