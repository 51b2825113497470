//! Returns handlers: buyer claims.

use super::*;

impl State {
    // ---- claims -------------------------------------------------------------------------

    pub(super) fn claims_list(&self, args: &Args) -> Handled {
        let bad = |detail: &str| {
            let mut a = json_answer(
                400,
                &serde_json::json!({
                    "title": "Invalid query params",
                    "detail": detail,
                    "requestId": "sandbox",
                }),
            );
            a.content_type = "application/problem+json";
            a
        };
        let archived = match args.query("is_archive") {
            Some("true") => true,
            Some("false") => false,
            Some(_) => {
                return Err(bad(
                    "Failed to deserialize query string: is_archive: provided string was not `true` or `false`",
                ));
            }
            None => {
                return Err(bad(
                    "Failed to deserialize query string: missing field `is_archive`",
                ));
            }
        };
        let limit = args
            .int("limit")
            .map_err(|_| bad("Failed to deserialize query string: limit: invalid digit"))?
            .unwrap_or(50);
        let offset = args
            .int("offset")
            .map_err(|_| bad("Failed to deserialize query string: offset: invalid digit"))?
            .unwrap_or(0);
        let nm = args
            .int("nm_id")
            .map_err(|_| bad("Failed to deserialize query string: nm_id: invalid digit"))?;
        if !(1..=i64::from(CLAIMS_PAGE_MAX)).contains(&limit) || offset < 0 {
            return Err(bad("limit must be 1 to 200 and offset not negative"));
        }
        let id = args.query("id");
        let matching: Vec<&Claim> = self
            .claims
            .iter()
            .filter(|c| c.archived == archived)
            .map(|c| &c.claim)
            .filter(|c| id.is_none_or(|i| c.id == i))
            .filter(|c| nm.is_none_or(|n| c.nm_id.0 == n))
            .collect();
        let claims: Vec<Claim> = matching
            .iter()
            .skip(usize::try_from(offset).unwrap_or(usize::MAX))
            .take(usize::try_from(limit).unwrap_or(0))
            .map(|c| (*c).clone())
            .collect();
        let mut v = to_json(&ClaimsResponse {
            claims,
            total: matching.len() as i64,
        });
        numbers_in(&mut v, &["price"]);
        times_in(
            &mut v,
            &["dt", "order_dt", "dt_update"],
            "%Y-%m-%dT%H:%M:%S%.6f",
            false,
        );
        Ok(json_answer(200, &v))
    }
}
