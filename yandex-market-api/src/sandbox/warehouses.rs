//! The warehouses section's handlers (`getPagedWarehouses`, `getFulfillmentWarehouses`).

use super::*;

impl State {
    pub(super) fn warehouses(args: &Args, body: &[u8]) -> Handled {
        let limit = args.limit(15, 30, false)?;
        let offset = args.token("warehouses")?.unwrap_or(0);
        let request: PagedWarehousesRequest = optional_body(body)?;
        if let Some(ids) = &request.campaign_ids
            && (ids.is_empty() || ids.len() > 25)
        {
            return Err(bad_request("campaignIds takes 1 to 25 campaigns"));
        }
        let components = request.components.unwrap_or_default();
        let all: Vec<WarehouseDetails> = [WarehouseDetails {
            id: SANDBOX_WAREHOUSE_ID,
            name: "Склад Песочница".into(),
            campaign_id: SANDBOX_CAMPAIGN_ID,
            express: false,
            group_info: None,
            address: components
                .contains(&WarehouseComponent::Address)
                .then(|| WarehouseAddress {
                    city: "Москва".into(),
                    street: Some("Складская".into()),
                    number: Some("1".into()),
                    building: None,
                    block: None,
                    gps: Gps {
                        latitude: 55.75,
                        longitude: 37.62,
                    },
                }),
            status: components
                .contains(&WarehouseComponent::Status)
                .then_some(WarehouseStatus {
                    status: Some(WarehouseStatusType::Other),
                }),
        }]
        .into_iter()
        .filter(|w| {
            request
                .campaign_ids
                .as_ref()
                .is_none_or(|ids| ids.contains(&w.campaign_id))
        })
        .collect();
        let (warehouses, next) = page_of(&all, "warehouses", offset, limit);
        ok(&PagedWarehousesResponse {
            status: Some(ApiStatus::Ok),
            result: Some(PagedWarehouses {
                warehouses,
                paging: pager(next),
            }),
        })
    }

    pub(super) fn fulfillment_warehouses(args: &Args) -> Handled {
        if let Some(c) = args.int("campaignId")?
            && c != SANDBOX_CAMPAIGN_ID.0
        {
            return Err(ym_error(
                404,
                "CAMPAIGN_NOT_FOUND",
                format!("campaign {c} not found"),
            ));
        }
        let wh = |id: i64, name: &str, city: &str, street: &str, lat: f64, lon: f64| {
            FulfillmentWarehouse {
                id: WarehouseId(id),
                name: name.into(),
                address: Some(WarehouseAddress {
                    city: city.into(),
                    street: Some(street.into()),
                    number: Some("1".into()),
                    building: None,
                    block: None,
                    gps: Gps {
                        latitude: lat,
                        longitude: lon,
                    },
                }),
            }
        };
        ok(&FulfillmentWarehousesResponse {
            status: Some(ApiStatus::Ok),
            result: Some(FulfillmentWarehouses {
                warehouses: vec![
                    wh(
                        172,
                        "Яндекс Маркет (Софьино)",
                        "Софьино",
                        "Логистическая",
                        55.49,
                        38.1,
                    ),
                    wh(
                        147,
                        "Яндекс Маркет (Томилино)",
                        "Томилино",
                        "Птицефабрика",
                        55.66,
                        37.93,
                    ),
                    wh(
                        300,
                        "Яндекс Маркет (Ростов-на-Дону)",
                        "Ростов-на-Дону",
                        "Портовая",
                        47.2,
                        39.62,
                    ),
                ],
            }),
        })
    }
}
