//! Contract tests of the campaigns section (getCampaigns, getCampaign, getCampaignSettings,
//! getBusinessSettings) against the Yandex Market spec snapshot.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common::*;
use chrono::NaiveDate;
use futures::TryStreamExt;
use market_core::Error;
use market_core::transport::Operation;
use serde_json::json;
use wiremock::matchers::{query_param, query_param_is_missing};
use wiremock::{MockServer, ResponseTemplate};
use yandex_market_api::api::campaigns::*;
use yandex_market_api::limits::{self, Tier};
use yandex_market_api::models::campaigns::*;
use yandex_market_api::{BusinessId, CampaignId};

fn campaign(id: i64, placement: &str) -> serde_json::Value {
    json!({
        "domain": format!("shop-{id}"),
        "id": id,
        "clientId": 555,
        "business": {"id": 900, "name": "Acme"},
        "placementType": placement,
        "apiAvailability": "AVAILABLE",
    })
}

#[test]
fn responses_decode_strictly() {
    assert_responses_decode::<CampaignsResponse>("getCampaigns");
    assert_sparse_responses_decode::<CampaignsResponse>("getCampaigns");
    assert_responses_decode::<CampaignResponse>("getCampaign");
    assert_sparse_responses_decode::<CampaignResponse>("getCampaign");
    assert_responses_decode::<CampaignSettingsResponse>("getCampaignSettings");
    assert_sparse_responses_decode::<CampaignSettingsResponse>("getCampaignSettings");
    assert_responses_decode::<BusinessSettingsResponse>("getBusinessSettings");
    assert_sparse_responses_decode::<BusinessSettingsResponse>("getBusinessSettings");
}

#[test]
fn the_maximal_settings_read_their_dd_mm_yyyy_dates() {
    let schema = spec().response_schema("getCampaignSettings");
    let v: CampaignSettingsResponse = decode(
        "getCampaignSettings",
        "examples",
        &spec().example_instance(schema),
    );
    let schedule = v
        .settings
        .unwrap()
        .local_region
        .unwrap()
        .delivery
        .unwrap()
        .schedule
        .unwrap();
    // The vendor's example date is 23-09-2022.
    let day = NaiveDate::from_ymd_opt(2022, 9, 23).unwrap();
    assert_eq!(schedule.custom_holidays, [day]);
    assert_eq!(schedule.total_holidays, [day]);
    assert_eq!(schedule.period.unwrap().from_date, Some(day));
}

#[test]
fn enums_match_the_spec() {
    assert_enum(
        PlacementType::KNOWN,
        spec().enum_values("PlacementType"),
        "PlacementType",
    );
    assert_enum(
        ApiAvailabilityStatus::KNOWN,
        spec().enum_values("ApiAvailabilityStatusType"),
        "ApiAvailabilityStatusType",
    );
    assert_enum(
        RegionType::KNOWN,
        spec().enum_values("RegionType"),
        "RegionType",
    );
    assert_enum(
        ScheduleSource::KNOWN,
        spec().enum_values("CampaignSettingsScheduleSourceType"),
        "CampaignSettingsScheduleSourceType",
    );
    assert_enum(
        VatRate::KNOWN,
        spec().enum_values("VatRateType"),
        "VatRateType",
    );
    assert_enum(
        SubscriptionLevel::KNOWN,
        spec().enum_values("BusinessSubscriptionLevelType"),
        "BusinessSubscriptionLevelType",
    );
    assert_enum(
        BusinessTrait::KNOWN,
        spec().enum_values("BusinessTraitType"),
        "BusinessTraitType",
    );
    assert_enum(
        CurrencyType::KNOWN,
        spec().enum_values("CurrencyType"),
        "CurrencyType",
    );
    // The properties use these schemas.
    assert_eq!(
        spec().property_enum("CampaignDTO", "placementType"),
        spec().enum_values("PlacementType")
    );
    assert_eq!(
        spec().property_enum("BusinessSettingsDTO", "currency"),
        spec().enum_values("CurrencyType")
    );
}

#[test]
fn operations_are_the_spec_operations_with_their_quotas() {
    let ops: [&Operation; 4] = [
        &CAMPAIGNS_GET,
        &CAMPAIGN_GET,
        &CAMPAIGN_SETTINGS_GET,
        &BUSINESS_SETTINGS_GET,
    ];
    for op in ops {
        let (m, p) = spec().locate(crate::common::spec_id(op));
        assert_eq!(op.method.as_str(), m, "{}", crate::common::spec_id(op));
        assert_eq!(op.path, p, "{}", crate::common::spec_id(op));
        assert_eq!(op.name, crate::common::rule_name(op));
        assert!(op.idempotent, "{} is a read", crate::common::spec_id(op));
        assert!(limits::limit(op.limit_group, Tier::Base).is_some());
    }
    let limit = spec()
        .parameters("getCampaigns")
        .into_iter()
        .find(|p| p["name"] == "limit")
        .unwrap();
    assert_eq!(
        limit["schema"]["maximum"].as_u64(),
        Some(u64::from(CAMPAIGNS_GET_PAGE_MAX))
    );
    // The page/pageSize paging is deprecated: the client pages by token.
    for name in ["page", "pageSize"] {
        let p = spec()
            .parameters("getCampaigns")
            .into_iter()
            .find(|p| p["name"] == name)
            .unwrap();
        assert_eq!(p["deprecated"], json!(true), "{name}");
    }
}

#[tokio::test]
async fn list_stream_pages_by_token_to_the_end() {
    let server = MockServer::start().await;
    mock("getCampaigns")
        .and(query_param_is_missing("pageToken"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "campaigns": [campaign(1, "FBS"), campaign(2, "FBY")],
            "paging": {"nextPageToken": "p2"},
        })))
        .mount(&server)
        .await;
    mock("getCampaigns")
        .and(query_param("pageToken", "p2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "campaigns": [campaign(3, "DBS"), campaign(4, "LAAS")],
            "paging": {"nextPageToken": "p3"},
        })))
        .mount(&server)
        .await;
    mock("getCampaigns")
        .and(query_param("pageToken", "p3"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "campaigns": [campaign(5, "FBS")],
            "paging": {},
            "pager": {"total": 5, "from": 5, "to": 5, "currentPage": 3, "pagesCount": 3, "pageSize": 2},
        })))
        .mount(&server)
        .await;
    let ym = client(&server);
    let all: Vec<Campaign> = ym.campaigns().list_stream().try_collect().await.unwrap();
    let ids: Vec<CampaignId> = all.iter().filter_map(|c| c.id).collect();
    assert_eq!(ids, [1, 2, 3, 4, 5].map(CampaignId));
    assert_eq!(all[0].placement_type, Some(PlacementType::Fbs));
    assert_eq!(all[3].placement_type, Some(PlacementType::Laas));
    assert_eq!(all[0].business.as_ref().unwrap().id, Some(BusinessId(900)));
    assert_eq!(
        all[0].api_availability,
        Some(ApiAvailabilityStatus::Available)
    );
    assert_eq!(all[4].domain, "shop-5");
    let requests = sent_to(&server, "getCampaigns").await;
    assert_eq!(requests.len(), 3, "three pages, no more");
    for (r, _) in &requests {
        let limit: Vec<_> = r.url.query_pairs().filter(|(k, _)| k == "limit").collect();
        assert_eq!(limit.len(), 1);
        assert_eq!(limit[0].1, "100");
        assert!(
            r.url
                .query_pairs()
                .all(|(k, _)| k != "page" && k != "pageSize")
        );
    }
    assert_requests_match_spec(&server, "getCampaigns").await;
    // `all` collects the same.
    assert_eq!(ym.campaigns().all().await.unwrap(), all);
}

#[tokio::test]
async fn list_asks_one_page_and_refuses_a_page_size_out_of_range() {
    let server = serve(
        "getCampaigns",
        json!({"campaigns": [campaign(7, "DBS")], "paging": {"nextPageToken": "next"}}),
    )
    .await;
    let ym = client(&server);
    let page = ym.campaigns().list(Some("tok"), Some(20)).await.unwrap();
    assert_eq!(page.campaigns.len(), 1);
    assert_eq!(page.paging.unwrap().next(), Some("next"));
    let (r, _) = &sent(&server).await[0];
    assert_eq!(r.url.query(), Some("pageToken=tok&limit=20"));
    assert_requests_match_spec(&server, "getCampaigns").await;
    for bad in [0, 101] {
        let e = ym.campaigns().list(None, Some(bad)).await.unwrap_err();
        assert!(matches!(e, Error::Validation { .. }), "{e:?}");
    }
    assert_eq!(
        sent(&server).await.len(),
        1,
        "nothing sent for a bad page size"
    );
}

#[tokio::test]
async fn get_reads_one_campaign() {
    let server = serve("getCampaign", json!({"campaign": campaign(21, "FBY")})).await;
    let ym = client(&server);
    let c = ym.campaigns().get(CampaignId(21)).await.unwrap();
    assert_eq!(c.id, Some(CampaignId(21)));
    assert_eq!(c.client_id, Some(555));
    assert_eq!(c.placement_type, Some(PlacementType::Fby));
    assert_eq!(c.business.unwrap().name, "Acme");
    assert_eq!(sent(&server).await[0].0.url.path(), "/v2/campaigns/21");
    assert_requests_match_spec(&server, "getCampaign").await;
}

#[tokio::test]
async fn settings_read_the_schedule_and_taxation() {
    let server = serve(
        "getCampaignSettings",
        json!({"settings": {
            "countryRegion": 225,
            "shopName": "Acme shop",
            "showInContext": false,
            "showInPremium": false,
            "useOpenStat": false,
            "localRegion": {
                "id": 213,
                "name": "Москва",
                "type": "CITY",
                "deliveryOptionsSource": "WEB",
                "delivery": {"schedule": {
                    "availableOnHolidays": true,
                    "customHolidays": ["31-12-2026"],
                    "customWorkingDays": ["03-01-2027", "04-01-2027"],
                    "period": {"fromDate": "01-12-2026", "toDate": "31-01-2027"},
                    "totalHolidays": ["31-12-2026", "01-01-2027"],
                    "weeklyHolidays": [6, 7]
                }}
            },
            "taxation": {"vat": null}
        }}),
    )
    .await;
    let ym = client(&server);
    let s = ym.campaigns().settings(CampaignId(21)).await.unwrap();
    assert_eq!(s.country_region, Some(225));
    assert_eq!(s.shop_name.as_deref(), Some("Acme shop"));
    assert_eq!(s.taxation.vat, None);
    let region = s.local_region.unwrap();
    assert_eq!(region.region_type, Some(RegionType::City));
    assert_eq!(region.delivery_options_source, Some(ScheduleSource::Web));
    let schedule = region.delivery.unwrap().schedule.unwrap();
    let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert_eq!(schedule.custom_holidays, [d(2026, 12, 31)]);
    assert_eq!(schedule.custom_working_days, [d(2027, 1, 3), d(2027, 1, 4)]);
    assert_eq!(schedule.total_holidays, [d(2026, 12, 31), d(2027, 1, 1)]);
    assert_eq!(schedule.weekly_holidays, [6, 7]);
    let period = schedule.period.unwrap();
    assert_eq!(period.from_date, Some(d(2026, 12, 1)));
    assert_eq!(period.to_date, Some(d(2027, 1, 31)));
    assert_eq!(
        sent(&server).await[0].0.url.path(),
        "/v2/campaigns/21/settings"
    );
    assert_requests_match_spec(&server, "getCampaignSettings").await;
}

#[tokio::test]
async fn business_settings_post_without_a_body() {
    let server = serve(
        "getBusinessSettings",
        json!({"status": "OK", "result": {
            "info": {"id": 900, "name": "Acme"},
            "settings": {"onlyDefaultPrice": true, "currency": "RUR"},
            "subscriptionLevel": "LIGHT",
            "traits": ["MARKET_YANDEX_GO"]
        }}),
    )
    .await;
    let ym = client(&server);
    let b = ym
        .campaigns()
        .business_settings(BusinessId(900))
        .await
        .unwrap();
    assert_eq!(b.info.unwrap().id, Some(BusinessId(900)));
    let settings = b.settings.unwrap();
    assert_eq!(settings.currency, Some(CurrencyType::Rur));
    assert_eq!(settings.only_default_price, Some(true));
    assert_eq!(b.subscription_level, Some(SubscriptionLevel::Light));
    assert_eq!(b.traits, [BusinessTrait::MarketYandexGo]);
    let (r, _) = &sent(&server).await[0];
    assert_eq!(r.method.as_str(), "POST");
    assert_eq!(r.url.path(), "/v2/businesses/900/settings");
    assert!(r.body.is_empty(), "the operation takes no body");
    assert_requests_match_spec(&server, "getBusinessSettings").await;
}

#[tokio::test]
async fn an_answer_without_its_result_is_a_decode_error() {
    let server = serve("getBusinessSettings", json!({"status": "OK"})).await;
    let ym = client(&server);
    let e = ym
        .campaigns()
        .business_settings(BusinessId(1))
        .await
        .unwrap_err();
    assert!(
        matches!(&e, Error::Decode { operation: "business_settings_get", path, .. } if path == "result"),
        "{e:?}"
    );
}

#[tokio::test]
async fn a_vendor_error_is_an_api_error_with_its_code() {
    let server = serve_with("getCampaign", error_response("getCampaign", 404)).await;
    let ym = client(&server);
    let e = ym.campaigns().get(CampaignId(3)).await.unwrap_err();
    assert_eq!(e.status(), Some(404), "{e:?}");
}

#[test]
fn dd_mm_yyyy_dates_round_trip_and_bad_ones_fail() {
    let period: CampaignTimePeriod =
        serde_json::from_value(json!({"fromDate": "05-03-2026", "toDate": ""})).unwrap();
    assert_eq!(period.from_date, NaiveDate::from_ymd_opt(2026, 3, 5));
    assert_eq!(period.to_date, None);
    assert_eq!(
        serde_json::to_value(&period).unwrap(),
        json!({"fromDate": "05-03-2026"})
    );
    for bad in ["2026-03-05", "31-02-2026", "5/3/2026"] {
        let r = serde_json::from_value::<CampaignTimePeriod>(json!({ "fromDate": bad }));
        assert!(r.is_err(), "{bad} is not DD-MM-YYYY");
    }
    let schedule: CampaignSchedule = serde_json::from_value(json!({
        "customHolidays": null, "customWorkingDays": [], "totalHolidays": ["01-01-2027"],
        "weeklyHolidays": [7]
    }))
    .unwrap();
    assert!(schedule.custom_holidays.is_empty());
    assert_eq!(
        serde_json::to_value(&schedule).unwrap()["totalHolidays"],
        json!(["01-01-2027"])
    );
}
