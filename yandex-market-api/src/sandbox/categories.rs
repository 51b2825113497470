//! The categories section's handlers (`getCategoriesTree`, `getCategoryContentParameters`).

use super::*;

impl State {
    pub(super) fn categories_tree(body: &[u8]) -> Handled {
        let request: CategoriesTreeRequest = optional_body(body)?;
        let english = request.language == Some(Language::En);
        ok(&CategoriesTreeResponse {
            status: Some(ApiStatus::Ok),
            result: Some(category_tree(90401, english)),
        })
    }

    pub(super) fn category_parameters(args: &Args) -> Handled {
        let id = args.id("categoryId")?;
        if id <= 0 {
            return Err(bad_request(format!("categoryId {id} is not above 0")));
        }
        if let Some(b) = args.int("businessId")?
            && b != SANDBOX_BUSINESS_ID.0
        {
            return Err(ym_error(
                403,
                "FORBIDDEN",
                format!("Access denied to business {b}"),
            ));
        }
        let category = CategoryId(id);
        if category_name(category).is_none() {
            return Err(ym_error(
                404,
                "NOT_FOUND",
                format!("category {id} not found"),
            ));
        }
        if !is_leaf(category) {
            return Err(ym_error(
                400,
                "INVALID_CATEGORY",
                format!("category {id} is not a leaf category"),
            ));
        }
        ok(&CategoryContentParametersResponse {
            status: Some(ApiStatus::Ok),
            result: Some(CategoryContentParameters {
                category_id: category,
                parameters: category_parameters(),
            }),
        })
    }
}
