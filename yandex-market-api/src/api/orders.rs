//! Orders: the business-level list (one page, every page as a stream, one order), status
//! changes (one order, or any number split into requests of 30 with a per-order report),
//! box layout, line changes, marking codes, cancellation answers (DBS), delivery date and
//! track code (DBS), and the buyer of a DBS order.
//!
//! The campaign-level `GET` of one order is deprecated by Yandex Market: [`OrdersApi::get`]
//! reads one order through the business-level list instead.

use std::collections::HashSet;
use std::hash::Hash;

use chrono::NaiveDate;
use futures::stream::BoxStream;
use market_core::batch::run_batches;
use market_core::paginate::{Page, paginate};
use market_core::transport::{Operation, Request};
use market_core::{BatchReport, Error, RejectionStage, Result};

use super::campaigns::ok_result;
use crate::Client;
use crate::ids::{BusinessId, CampaignId, OrderId, OrderItemId};
use crate::models::common::{EmptyResponse, Pager};
use crate::models::orders::*;

/// The largest page of [`OrdersApi::list`] (`limit`).
pub const BUSINESS_ORDERS_GET_PAGE_MAX: u32 = 50;
/// The most order ids, external order ids or campaign ids one list filter carries.
pub const ORDERS_FILTER_IDS_MAX: usize = 50;
/// The longest creation or shipment window of one list request, in days.
pub const ORDERS_WINDOW_DAYS_MAX: i64 = 30;
/// The most orders one bulk status change carries.
pub const ORDER_STATUSES_UPDATE_MAX: usize = 30;

/// `getBusinessOrders`, `POST /v1/businesses/{businessId}/orders`.
pub static BUSINESS_ORDERS_GET: Operation =
    Operation::post("business_orders_get", "/v1/businesses/{businessId}/orders")
        .in_group("getBusinessOrders");
/// `updateOrderStatus`, `PUT /v2/campaigns/{campaignId}/orders/{orderId}/status`.
pub static ORDER_STATUS_UPDATE: Operation = Operation::put(
    "order_status_update",
    "/v2/campaigns/{campaignId}/orders/{orderId}/status",
)
.in_group("updateOrderStatus");
/// `updateOrderStatuses`, `POST /v2/campaigns/{campaignId}/orders/status-update`.
pub static ORDER_STATUSES_UPDATE: Operation = Operation::post(
    "order_statuses_update",
    "/v2/campaigns/{campaignId}/orders/status-update",
)
.in_group("updateOrderStatuses")
.batch_max(ORDER_STATUSES_UPDATE_MAX);
/// `setOrderBoxLayout`, `PUT /v2/campaigns/{campaignId}/orders/{orderId}/boxes`.
pub static ORDER_BOX_LAYOUT_SET: Operation = Operation::put(
    "order_box_layout_set",
    "/v2/campaigns/{campaignId}/orders/{orderId}/boxes",
)
.in_group("setOrderBoxLayout");
/// `updateOrderItems`, `PUT /v2/campaigns/{campaignId}/orders/{orderId}/items`.
pub static ORDER_ITEMS_UPDATE: Operation = Operation::put(
    "order_items_update",
    "/v2/campaigns/{campaignId}/orders/{orderId}/items",
)
.in_group("updateOrderItems");
/// `provideOrderItemIdentifiers`, `PUT /v2/campaigns/{campaignId}/orders/{orderId}/identifiers`.
pub static ORDER_ITEM_IDENTIFIERS_PROVIDE: Operation = Operation::put(
    "order_item_identifiers_provide",
    "/v2/campaigns/{campaignId}/orders/{orderId}/identifiers",
)
.in_group("provideOrderItemIdentifiers");
/// `acceptOrderCancellation`, `PUT /v2/campaigns/{campaignId}/orders/{orderId}/cancellation/accept`.
pub static ORDER_CANCELLATION_ACCEPT: Operation = Operation::put(
    "order_cancellation_accept",
    "/v2/campaigns/{campaignId}/orders/{orderId}/cancellation/accept",
)
.in_group("acceptOrderCancellation");
/// `setOrderDeliveryDate`, `PUT /v2/campaigns/{campaignId}/orders/{orderId}/delivery/date`.
pub static ORDER_DELIVERY_DATE_SET: Operation = Operation::put(
    "order_delivery_date_set",
    "/v2/campaigns/{campaignId}/orders/{orderId}/delivery/date",
)
.in_group("setOrderDeliveryDate");
/// `setOrderDeliveryTrackCode`, `POST /v2/campaigns/{campaignId}/orders/{orderId}/delivery/track`.
pub static ORDER_DELIVERY_TRACK_CODE_SET: Operation = Operation::post(
    "order_delivery_track_code_set",
    "/v2/campaigns/{campaignId}/orders/{orderId}/delivery/track",
)
.in_group("setOrderDeliveryTrackCode");
/// `getOrderBuyerInfo`, `GET /v2/campaigns/{campaignId}/orders/{orderId}/buyer`.
pub static ORDER_BUYER_INFO_GET: Operation = Operation::get(
    "order_buyer_info_get",
    "/v2/campaigns/{campaignId}/orders/{orderId}/buyer",
)
.in_group("getOrderBuyerInfo");

/// A `getBusinessOrders` page with its orders undecoded, so that each is decoded on its own.
/// The list is required, as in [`BusinessOrdersResponse`].
#[derive(serde::Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
struct RawOrdersPage {
    orders: Vec<serde_json::Value>,
    #[serde(default)]
    paging: Option<Pager>,
}

/// One order of a page; an order that cannot be read is a decode error at `orders[i]`
/// naming its id.
fn decode_order(
    transport: &market_core::transport::Transport,
    i: usize,
    raw: serde_json::Value,
) -> Result<BusinessOrder> {
    use serde::Deserialize;
    if let Ok(order) = BusinessOrder::deserialize(&raw) {
        return Ok(order);
    }
    // The error with its path (and the key taken out), from the order's own bytes.
    let bytes = serde_json::to_vec(&raw).unwrap_or_default();
    let id = raw
        .get("orderId")
        .map_or_else(|| "without an id".to_owned(), |v| v.to_string());
    match transport.decode::<BusinessOrder>(&BUSINESS_ORDERS_GET, &bytes) {
        Ok(order) => Ok(order),
        Err(Error::Decode {
            vendor,
            operation,
            path,
            message,
            excerpt,
        }) => Err(Error::Decode {
            vendor,
            operation,
            path: format!("orders[{i}].{path}"),
            message: format!("order {id}: {message}"),
            excerpt,
        }),
        Err(other) => Err(other),
    }
}

/// The request of one `getBusinessOrders` page, checked.
fn list_request(
    business: BusinessId,
    filter: &BusinessOrdersRequest,
    page_token: Option<&str>,
    limit: u32,
) -> Result<Request> {
    check_business(business)?;
    if !(1..=BUSINESS_ORDERS_GET_PAGE_MAX).contains(&limit) {
        return Err(Error::invalid(format!(
            "limit {limit} is not in 1..={BUSINESS_ORDERS_GET_PAGE_MAX}"
        )));
    }
    validate_filter(filter)?;
    let mut request = BUSINESS_ORDERS_GET
        .request()
        .path_param("businessId", business)
        .query("limit", limit);
    if let Some(token) = page_token.filter(|t| !t.is_empty()) {
        request = request.query("pageToken", token);
    }
    request.json(filter)
}

/// The code of an order a bulk status change's answer did not mention.
pub const NO_OUTCOME: &str = "no_outcome";

/// The orders section: `client.orders()`.
#[derive(Debug, Clone, Copy)]
pub struct OrdersApi<'a> {
    client: &'a Client,
}

impl Client {
    /// Orders: list, status changes, boxes, lines, marking codes, delivery.
    pub fn orders(&self) -> OrdersApi<'_> {
        OrdersApi { client: self }
    }
}

impl<'a> OrdersApi<'a> {
    /// `POST /v1/businesses/{businessId}/orders`: one page of the business's orders matching
    /// `filter` (`limit` 1..=50; `page_token` from the previous page's
    /// [`BusinessOrdersResponse::next_page_token`]). Test orders are listed only with
    /// [`BusinessOrdersRequest::with_fake`].
    pub async fn list(
        &self,
        business: BusinessId,
        filter: &BusinessOrdersRequest,
        page_token: Option<&str>,
        limit: u32,
    ) -> Result<BusinessOrdersResponse> {
        let request = list_request(business, filter, page_token, limit)?;
        self.client.transport().json(request).await
    }

    /// Every order matching `filter`, page by page (50 a page), to the page without a next
    /// token.
    ///
    /// Each order of a page is decoded on its own: one the crate cannot read (a date beyond
    /// chrono's range, a field of another type) is an error item naming it
    /// (`orders[i]...`), and the orders around it still come. A page without its list, a
    /// page seen before (a server ignoring the token) or a token already followed is an
    /// error that ends the stream.
    pub fn list_stream(
        &self,
        business: BusinessId,
        filter: BusinessOrdersRequest,
    ) -> BoxStream<'a, Result<BusinessOrder>> {
        use futures::StreamExt;
        self.order_items(business, filter)
            .map(|item| item.and_then(|order| order))
            .boxed()
    }

    /// [`OrdersApi::list_stream`] with the two kinds of error apart: the outer one ends the
    /// stream (a page not read), the inner one is one order not decoded, and the stream goes
    /// on.
    pub(crate) fn order_items(
        &self,
        business: BusinessId,
        filter: BusinessOrdersRequest,
    ) -> BoxStream<'a, Result<Result<BusinessOrder>>> {
        let api = *self;
        paginate(None::<String>, move |token| {
            let filter = filter.clone();
            async move {
                let request = list_request(
                    business,
                    &filter,
                    token.as_deref(),
                    BUSINESS_ORDERS_GET_PAGE_MAX,
                )?;
                let transport = api.client.transport();
                let page: RawOrdersPage = transport.json(request).await?;
                let next = page
                    .paging
                    .as_ref()
                    .and_then(Pager::next)
                    .map(str::to_owned);
                let signature = (!page.orders.is_empty()).then(|| {
                    market_core::paginate::signature(
                        page.orders
                            .iter()
                            .map(|o| o.get("orderId").map(|v| v.to_string())),
                    )
                });
                let items: Vec<Result<BusinessOrder>> = page
                    .orders
                    .into_iter()
                    .enumerate()
                    .map(|(i, raw)| decode_order(transport, i, raw))
                    .collect();
                let page = match next {
                    Some(next) => Page::more(items, Some(next)),
                    None => Page::last(items),
                };
                Ok(match signature {
                    Some(sig) => page.with_signature(sig),
                    None => page,
                })
            }
        })
    }

    /// One order of the business, through the `orderIds` filter of
    /// `POST /v1/businesses/{businessId}/orders` (the campaign-level read of one order is
    /// deprecated). Asks among real orders first, then among test orders; `None` when
    /// neither has it.
    pub async fn get(
        &self,
        business: BusinessId,
        order_id: OrderId,
    ) -> Result<Option<BusinessOrder>> {
        check_order(order_id)?;
        for fake in [None, Some(true)] {
            let mut filter = BusinessOrdersRequest::new().with_order_ids([order_id]);
            filter.fake = fake;
            let page = self.list(business, &filter, None, 1).await?;
            if let Some(order) = page.orders.into_iter().find(|o| o.order_id == order_id) {
                return Ok(Some(order));
            }
        }
        Ok(None)
    }

    /// `PUT /v2/campaigns/{campaignId}/orders/{orderId}/status`: moves one order to a status
    /// (and substatus); answers with the order as it is now (LaaS: also the operation
    /// started).
    pub async fn update_status(
        &self,
        campaign: CampaignId,
        order_id: OrderId,
        change: OrderStatusChange,
    ) -> Result<UpdateOrderStatusResponse> {
        let request = self.order_request(&ORDER_STATUS_UPDATE, campaign, order_id)?;
        let body = UpdateOrderStatusRequest { order: change };
        self.client.transport().json(request.json(&body)?).await
    }

    /// `POST /v2/campaigns/{campaignId}/orders/status-update`: moves many orders, split into
    /// requests of at most 30. The report is keyed by order id: an order Yandex Market
    /// answers `OK` for is accepted; `ERROR` is a vendor rejection with Yandex Market's
    /// `errorDetails`; an order its answer does not mention is rejected as [`NO_OUTCOME`]
    /// (with any outcome the answer gave without an order id). Orders with an id below 1, or
    /// sent twice, are rejected before sending.
    pub async fn update_statuses(
        &self,
        campaign: CampaignId,
        orders: Vec<OrderState>,
    ) -> Result<BatchReport<OrderId>> {
        check_campaign(campaign)?;
        let duplicates = repeated(orders.iter().map(|o| o.id));
        let client = self.client;
        Ok(run_batches(
            orders,
            ORDER_STATUSES_UPDATE_MAX,
            |o: &OrderState| o.id,
            |o| {
                if o.id.get() < 1 {
                    Err(format!("order id {} is not a valid order", o.id))
                } else if duplicates.contains(&o.id) {
                    Err(format!("order {} is given more than once", o.id))
                } else {
                    Ok(())
                }
            },
            |chunk| async move {
                let sent: Vec<OrderId> = chunk.iter().map(|o| o.id).collect();
                let weight = chunk.len();
                let body = UpdateOrderStatusesRequest { orders: chunk };
                let response: UpdateOrderStatusesResponse = client
                    .transport()
                    .json(
                        ORDER_STATUSES_UPDATE
                            .request()
                            .path_param("campaignId", campaign)
                            .weight(weight)
                            .json(&body)?,
                    )
                    .await?;
                Ok(statuses_report(&sent, response))
            },
        )
        .await)
    }

    /// `PUT /v2/campaigns/{campaignId}/orders/{orderId}/boxes`: lays the order's units out in
    /// boxes (and passes their marking codes); answers with the boxes and their ids. Can be
    /// repeated until the order is ready to ship. Checked before sending: at least one box,
    /// each with at least one line; a line gives whole units (at least 1) or one part
    /// (`1 <= current <= total`, `total >= 2`), not both; a box with a part holds nothing
    /// else; a marking code gives one of cis/uin/rnpt/gtd.
    pub async fn set_boxes(
        &self,
        campaign: CampaignId,
        order_id: OrderId,
        layout: &SetOrderBoxLayoutRequest,
    ) -> Result<Vec<LaidOutBox>> {
        validate_layout(layout)?;
        let request = self.order_request(&ORDER_BOX_LAYOUT_SET, campaign, order_id)?;
        let response: SetOrderBoxLayoutResponse =
            self.client.transport().json(request.json(layout)?).await?;
        Ok(ok_result(
            &ORDER_BOX_LAYOUT_SET,
            response.status.as_ref(),
            response.result,
        )?
        .boxes)
    }

    /// `PUT /v2/campaigns/{campaignId}/orders/{orderId}/items`: reduces or removes lines of an
    /// order in `PROCESSING`/`STARTED` (DBS; FBS uses [`OrdersApi::set_boxes`]). Give every
    /// line kept with its new count; a line left out or at count 0 is removed. Checked
    /// before sending: at least one line, counts not negative, no line twice.
    pub async fn update_items(
        &self,
        campaign: CampaignId,
        order_id: OrderId,
        items: Vec<OrderItemChange>,
        reason: Option<ItemsRemovalReason>,
    ) -> Result<()> {
        if items.is_empty() {
            return Err(Error::invalid("no line given: at least one line is kept"));
        }
        for item in &items {
            check_item_id(item.id)?;
            if item.count < 0 {
                return Err(Error::validation(
                    format!("line {}", item.id),
                    format!("count {} is negative", item.count),
                ));
            }
            item.instances
                .iter()
                .try_for_each(|i| check_instance(item.id, i))?;
        }
        check_unique_lines(items.iter().map(|i| i.id))?;
        let request = self.order_request(&ORDER_ITEMS_UPDATE, campaign, order_id)?;
        let body = UpdateOrderItemsRequest { items, reason };
        self.client.transport().send(request.json(&body)?).await?;
        Ok(())
    }

    /// `PUT /v2/campaigns/{campaignId}/orders/{orderId}/identifiers`: passes the marking
    /// codes of the order's lines, one per unit (DBS; FBS uses [`OrdersApi::set_boxes`]);
    /// answers with the lines and the codes recorded. Checked before sending: at least one
    /// line, each with at least one code giving one of cis/uin/rnpt/gtd, no line twice.
    pub async fn provide_identifiers(
        &self,
        campaign: CampaignId,
        order_id: OrderId,
        items: Vec<ItemIdentifiers>,
    ) -> Result<Vec<BriefOrderItem>> {
        if items.is_empty() {
            return Err(Error::invalid("no line given"));
        }
        for item in &items {
            check_item_id(item.id)?;
            if item.instances.is_empty() {
                return Err(Error::validation(
                    format!("line {}", item.id),
                    "no marking code given",
                ));
            }
            item.instances
                .iter()
                .try_for_each(|i| check_instance(item.id, i))?;
        }
        check_unique_lines(items.iter().map(|i| i.id))?;
        let request = self.order_request(&ORDER_ITEM_IDENTIFIERS_PROVIDE, campaign, order_id)?;
        let body = ProvideOrderItemIdentifiersRequest { items };
        let response: ProvideOrderItemIdentifiersResponse =
            self.client.transport().json(request.json(&body)?).await?;
        Ok(ok_result(
            &ORDER_ITEM_IDENTIFIERS_PROVIDE,
            response.status.as_ref(),
            response.result,
        )?
        .items)
    }

    /// `PUT /v2/campaigns/{campaignId}/orders/{orderId}/cancellation/accept`: answers a
    /// buyer's cancellation of an order already handed to delivery (DBS): accepted, or
    /// refused with a reason (a refusal without one is rejected before sending).
    pub async fn accept_cancellation(
        &self,
        campaign: CampaignId,
        order_id: OrderId,
        decision: AcceptOrderCancellationRequest,
    ) -> Result<()> {
        if !decision.accepted && decision.reason.is_none() {
            return Err(Error::validation(
                format!("order {order_id}"),
                "refusing a cancellation needs a reason",
            ));
        }
        let request = self.order_request(&ORDER_CANCELLATION_ACCEPT, campaign, order_id)?;
        self.empty(request.json(&decision)?).await
    }

    /// `PUT /v2/campaigns/{campaignId}/orders/{orderId}/delivery/date`: moves the delivery
    /// date of an order in `PROCESSING` or `DELIVERY` (DBS).
    pub async fn set_delivery_date(
        &self,
        campaign: CampaignId,
        order_id: OrderId,
        to_date: NaiveDate,
        reason: OrderDeliveryDateReasonType,
    ) -> Result<()> {
        let request = self.order_request(&ORDER_DELIVERY_DATE_SET, campaign, order_id)?;
        let body = SetOrderDeliveryDateRequest {
            dates: NewDeliveryDate { to_date },
            reason,
        };
        self.empty(request.json(&body)?).await
    }

    /// `POST /v2/campaigns/{campaignId}/orders/{orderId}/delivery/track`: gives the track
    /// code of an order in `PROCESSING`, `DELIVERY` or `PICKUP` (DBS). An empty track code
    /// is rejected before sending.
    pub async fn set_track_code(
        &self,
        campaign: CampaignId,
        order_id: OrderId,
        track_code: impl Into<String>,
        delivery_service_id: i64,
    ) -> Result<()> {
        let track_code = track_code.into();
        if track_code.trim().is_empty() {
            return Err(Error::validation(
                format!("order {order_id}"),
                "the track code is empty",
            ));
        }
        let request = self.order_request(&ORDER_DELIVERY_TRACK_CODE_SET, campaign, order_id)?;
        let body = SetOrderDeliveryTrackCodeRequest {
            track_code,
            delivery_service_id,
        };
        self.empty(request.json(&body)?).await
    }

    /// `GET /v2/campaigns/{campaignId}/orders/{orderId}/buyer`: the buyer of a DBS order in
    /// `PROCESSING`, `DELIVERY` or `PICKUP`, with a phone number.
    pub async fn buyer(&self, campaign: CampaignId, order_id: OrderId) -> Result<OrderBuyerInfo> {
        let request = self.order_request(&ORDER_BUYER_INFO_GET, campaign, order_id)?;
        let response: GetOrderBuyerInfoResponse = self.client.transport().json(request).await?;
        response
            .result
            .ok_or_else(|| no_result(&ORDER_BUYER_INFO_GET))
    }

    /// A request of a `/v2/campaigns/{campaignId}/orders/{orderId}/...` operation, its ids
    /// checked.
    fn order_request(
        &self,
        op: &'static Operation,
        campaign: CampaignId,
        order_id: OrderId,
    ) -> Result<Request> {
        check_campaign(campaign)?;
        check_order(order_id)?;
        Ok(op
            .request()
            .path_param("campaignId", campaign)
            .path_param("orderId", order_id))
    }

    /// Sends a request answered with `EmptyApiResponse`.
    async fn empty(&self, request: Request) -> Result<()> {
        let _: EmptyResponse = self.client.transport().json(request).await?;
        Ok(())
    }
}

/// Turns Yandex Market's per-order answer to a bulk status change into a report over the
/// orders sent: `OK` accepted, `ERROR` rejected with `errorDetails`; outcomes without an
/// order id are kept in the message of the orders the answer did not mention.
fn statuses_report(
    sent: &[OrderId],
    response: UpdateOrderStatusesResponse,
) -> BatchReport<OrderId> {
    let mut report = BatchReport::new();
    let Some(result) = response.result else {
        let status = response.status.map(|s| s.to_string());
        for id in sent {
            report.reject(
                *id,
                RejectionStage::Vendor,
                Some(status.clone().unwrap_or_else(|| NO_OUTCOME.to_owned())),
                "Yandex Market answered without a per-order result",
            );
        }
        return report;
    };
    let mut mentioned = HashSet::new();
    let mut anonymous = Vec::new();
    for outcome in result.orders {
        let failed = !matches!(outcome.update_status, Some(OrderUpdateStatusType::Ok));
        let Some(id) = outcome.id else {
            anonymous.push(describe(&outcome));
            continue;
        };
        if !mentioned.insert(id) {
            continue;
        }
        if failed {
            report.reject(
                id,
                RejectionStage::Vendor,
                Some(
                    outcome
                        .update_status
                        .as_ref()
                        .map_or_else(|| NO_OUTCOME.to_owned(), |s| s.to_string()),
                ),
                describe(&outcome),
            );
        } else {
            report.accept(id);
        }
    }
    for id in sent.iter().filter(|id| !mentioned.contains(id)) {
        let mut message = "Yandex Market's answer did not mention this order".to_owned();
        if !anonymous.is_empty() {
            message.push_str(&format!(
                "; outcomes without an order id: {}",
                anonymous.join("; ")
            ));
        }
        report.reject(
            *id,
            RejectionStage::Vendor,
            Some(NO_OUTCOME.into()),
            message,
        );
    }
    report
}

/// Yandex Market's description of one order's outcome.
fn describe(outcome: &OrderStatusUpdate) -> String {
    let details = outcome
        .error_details
        .as_deref()
        .filter(|d| !d.trim().is_empty());
    match (&outcome.update_status, details) {
        (_, Some(d)) => d.to_owned(),
        (Some(OrderUpdateStatusType::Ok), None) => "updated".to_owned(),
        (Some(s), None) => format!("update status {s} without details"),
        (None, None) => "no update status".to_owned(),
    }
}

/// The values that occur more than once.
fn repeated<T: Eq + Hash + Copy>(values: impl IntoIterator<Item = T>) -> HashSet<T> {
    let mut seen = HashSet::new();
    values.into_iter().filter(|v| !seen.insert(*v)).collect()
}

fn no_result(op: &Operation) -> Error {
    Error::Decode {
        vendor: market_core::MarketplaceKind::YandexMarket.name(),
        operation: op.name,
        path: "result".into(),
        message: "the answer has no result".into(),
        excerpt: String::new(),
    }
}

fn check_business(business: BusinessId) -> Result<()> {
    if business.get() < 1 {
        return Err(Error::validation(
            format!("business {business}"),
            "not a valid business id",
        ));
    }
    Ok(())
}

pub(crate) fn check_campaign(campaign: CampaignId) -> Result<()> {
    if campaign.get() < 1 {
        return Err(Error::validation(
            format!("campaign {campaign}"),
            "not a valid campaign id",
        ));
    }
    Ok(())
}

pub(crate) fn check_order(order: OrderId) -> Result<()> {
    if order.get() < 1 {
        return Err(Error::validation(
            format!("order {order}"),
            "not a valid order id",
        ));
    }
    Ok(())
}

fn check_item_id(id: OrderItemId) -> Result<()> {
    if id.get() < 1 {
        return Err(Error::validation(
            format!("line {id}"),
            "not a valid order line id",
        ));
    }
    Ok(())
}

fn check_unique_lines(ids: impl IntoIterator<Item = OrderItemId>) -> Result<()> {
    match repeated(ids).into_iter().min() {
        Some(id) => Err(Error::validation(
            format!("line {id}"),
            "the line is given more than once",
        )),
        None => Ok(()),
    }
}

/// A marking code names exactly one code, and a country as two capital letters.
fn check_instance(line: OrderItemId, instance: &ItemInstance) -> Result<()> {
    let codes = [&instance.cis, &instance.uin, &instance.rnpt, &instance.gtd]
        .into_iter()
        .filter(|c| c.as_deref().is_some_and(|c| !c.trim().is_empty()))
        .count();
    if codes != 1 {
        return Err(Error::validation(
            format!("line {line}"),
            format!(
                "a marking code gives exactly one of cis, uin, rnpt, gtd (this one gives {codes})"
            ),
        ));
    }
    if let Some(country) = &instance.country_code
        && !(country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase()))
    {
        return Err(Error::validation(
            format!("line {line}"),
            format!("country code {country:?} is not two capital letters"),
        ));
    }
    Ok(())
}

/// Checks a box layout before sending (see [`OrdersApi::set_boxes`]).
pub fn validate_layout(layout: &SetOrderBoxLayoutRequest) -> Result<()> {
    if layout.boxes.is_empty() {
        return Err(Error::invalid(
            "no box given: a layout has at least one box",
        ));
    }
    for (n, b) in layout.boxes.iter().enumerate() {
        let place = format!("box {}", n + 1);
        if b.items.is_empty() {
            return Err(Error::validation(place, "the box holds no line"));
        }
        let parts = b.items.iter().filter(|i| i.partial_count.is_some()).count();
        if parts > 0 && b.items.len() > 1 {
            return Err(Error::validation(
                place,
                "a box holding part of a unit holds nothing else",
            ));
        }
        for item in &b.items {
            check_item_id(item.id)?;
            let line = format!("{place}, line {}", item.id);
            match (item.full_count, item.partial_count) {
                (Some(_), Some(_)) => {
                    return Err(Error::validation(
                        line,
                        "give whole units or a part, not both",
                    ));
                }
                (None, None) => {
                    return Err(Error::validation(line, "give whole units or a part"));
                }
                (Some(count), None) if count < 1 => {
                    return Err(Error::validation(
                        line,
                        format!("{count} whole units: at least 1"),
                    ));
                }
                (None, Some(p)) if p.total < 2 || p.current < 1 || p.current > p.total => {
                    return Err(Error::validation(
                        line,
                        format!(
                            "part {} of {}: parts count from 1, of at least 2",
                            p.current, p.total
                        ),
                    ));
                }
                _ => {}
            }
            item.instances
                .iter()
                .try_for_each(|i| check_instance(item.id, i))?;
        }
    }
    Ok(())
}

/// Checks a list filter before sending: at most 50 ids of each kind, none repeated, no empty
/// external id, no repeated enum value, and creation and shipment windows in order and at
/// most 30 days long.
pub fn validate_filter(filter: &BusinessOrdersRequest) -> Result<()> {
    fn ids<T: Eq + Hash + Copy + std::fmt::Display + Ord>(name: &str, values: &[T]) -> Result<()> {
        if values.len() > ORDERS_FILTER_IDS_MAX {
            return Err(Error::invalid(format!(
                "{} {name}: at most {ORDERS_FILTER_IDS_MAX}",
                values.len()
            )));
        }
        if let Some(v) = repeated(values.iter().copied()).into_iter().min() {
            return Err(Error::invalid(format!(
                "{name}: {v} is given more than once"
            )));
        }
        Ok(())
    }
    fn distinct<T: Eq + Hash + std::fmt::Display>(name: &str, values: &[T]) -> Result<()> {
        let mut seen = HashSet::new();
        match values.iter().find(|v| !seen.insert(*v)) {
            Some(v) => Err(Error::invalid(format!(
                "{name}: {v} is given more than once"
            ))),
            None => Ok(()),
        }
    }
    ids("orderIds", &filter.order_ids)?;
    ids("campaignIds", &filter.campaign_ids)?;
    if let Some(bad) = filter.order_ids.iter().find(|i| i.get() < 1) {
        return Err(Error::invalid(format!(
            "orderIds: {bad} is not a valid order id"
        )));
    }
    if let Some(bad) = filter.campaign_ids.iter().find(|i| i.get() < 1) {
        return Err(Error::invalid(format!(
            "campaignIds: {bad} is not a valid campaign id"
        )));
    }
    if filter.external_order_ids.len() > ORDERS_FILTER_IDS_MAX {
        return Err(Error::invalid(format!(
            "{} externalOrderIds: at most {ORDERS_FILTER_IDS_MAX}",
            filter.external_order_ids.len()
        )));
    }
    if filter.external_order_ids.iter().any(|e| e.is_empty()) {
        return Err(Error::invalid("externalOrderIds: an external id is empty"));
    }
    distinct("externalOrderIds", &filter.external_order_ids)?;
    distinct("statuses", &filter.statuses)?;
    distinct("substatuses", &filter.substatuses)?;
    distinct("programTypes", &filter.program_types)?;
    distinct("sourcePlatforms", &filter.source_platforms)?;
    if let Some(d) = &filter.dates {
        window("creation", d.creation_date_from, d.creation_date_to)?;
        window("shipment", d.shipment_date_from, d.shipment_date_to)?;
        if let (Some(from), Some(to)) = (d.update_date_from, d.update_date_to)
            && from > to
        {
            return Err(Error::invalid(format!(
                "the update window ends ({to}) before it starts ({from})"
            )));
        }
    }
    Ok(())
}

/// A date window in order and at most [`ORDERS_WINDOW_DAYS_MAX`] days long.
fn window(name: &str, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<()> {
    if let (Some(from), Some(to)) = (from, to) {
        if to < from {
            return Err(Error::invalid(format!(
                "the {name} window ends ({to}) before it starts ({from})"
            )));
        }
        let days = (to - from).num_days();
        if days > ORDERS_WINDOW_DAYS_MAX {
            return Err(Error::invalid(format!(
                "the {name} window is {days} days long: at most {ORDERS_WINDOW_DAYS_MAX}"
            )));
        }
    }
    Ok(())
}
