//! The campaigns section's handlers (`getCampaigns`, `getCampaign`, `getCampaignSettings`,
//! `getBusinessSettings`).

use super::*;

impl State {
    pub(super) fn campaigns(args: &Args) -> Handled {
        args.limit(100, 100, false)?;
        if let Some(position) = args.token("campaigns")?
            && position != 0
        {
            return ok(&CampaignsResponse::default());
        }
        ok(&CampaignsResponse {
            campaigns: vec![campaign()],
            pager: Some(FlippingPager {
                total: Some(1),
                from: Some(1),
                to: Some(1),
                current_page: Some(1),
                pages_count: Some(1),
                page_size: Some(1),
            }),
            paging: pager(None),
        })
    }

    pub(super) fn campaign_settings() -> Handled {
        ok(&CampaignSettingsResponse {
            settings: Some(CampaignSettings {
                country_region: Some(225),
                shop_name: Some(SHOP_NAME.into()),
                local_region: Some(CampaignLocalRegion {
                    id: Some(213),
                    name: "Москва".into(),
                    region_type: Some(CampaignRegionType::City),
                    delivery_options_source: Some(ScheduleSource::Web),
                    delivery: Some(CampaignDelivery {
                        schedule: Some(CampaignSchedule {
                            available_on_holidays: Some(false),
                            weekly_holidays: vec![6, 7],
                            ..CampaignSchedule::default()
                        }),
                    }),
                }),
                taxation: TaxationInfo {
                    vat: Some(VatRate::Vat22),
                },
                ..CampaignSettings::default()
            }),
        })
    }
}
