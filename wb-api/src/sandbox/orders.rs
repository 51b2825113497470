//! Orders handlers: new tasks, the task list, statuses, cancellation, stickers, metadata; and the
//! label files (SVG, PNG, ZPL) stickers and supply QR codes are drawn as.

use super::*;

impl State {
    // ---- orders -------------------------------------------------------------------------

    pub(super) fn office_name(office: usize) -> String {
        OFFICE_LIST
            .get(office)
            .map(|o| o.1.to_owned())
            .unwrap_or_default()
    }

    pub(super) fn order_model(o: &OrderRec) -> Order {
        Order {
            address: None,
            article: o.article.clone(),
            cargo_type: CargoType::Small,
            chrt_id: o.chrt_id,
            color_code: String::new(),
            comment: String::new(),
            converted_currency_code: RUB,
            converted_price: o.price,
            created_at: o.created_at,
            cross_border_type: 0,
            currency_code: RUB,
            delivery_type: Some(OrderDelivery::Fbs),
            id: o.id,
            is_zero_order: false,
            nm_id: o.nm_id,
            office_id: OfficeId(OFFICE_LIST.get(o.office).map_or(0, |x| x.0)),
            offices: vec![Self::office_name(o.office)],
            options: OrderOptions::default(),
            order_uid: o.order_uid.clone(),
            price: o.price,
            rid: o.rid.clone(),
            scan_price: (o.wb == WbStatus::Sold).then(|| Decimal::from(o.price)),
            skus: vec![o.barcode.clone()],
            supply_id: o.supply.clone(),
            warehouse_id: o.warehouse,
        }
    }

    pub(super) fn orders_new(&mut self) -> Handled {
        self.poll_new_orders();
        let orders = self
            .orders
            .iter()
            .filter(|o| o.supplier == SupplierStatus::New && o.wb == WbStatus::Waiting)
            .map(|o| NewOrder {
                address: None,
                article: o.article.clone(),
                cargo_type: CargoType::Small,
                chrt_id: o.chrt_id,
                converted_currency_code: RUB,
                converted_final_price: o.price,
                converted_price: o.price,
                created_at: o.created_at,
                currency_code: RUB,
                delivery_type: Some(OrderDelivery::Fbs),
                final_price: o.price,
                id: o.id,
                nm_id: o.nm_id,
                office_id: OfficeId(OFFICE_LIST.get(o.office).map_or(0, |x| x.0)),
                offices: vec![Self::office_name(o.office)],
                order_uid: o.order_uid.clone(),
                price: o.price,
                rid: o.rid.clone(),
                sale_price: Some(kopecks(discounted(o.full_price, o.discount))),
                skus: vec![o.barcode.clone()],
                warehouse_id: o.warehouse,
                ..NewOrder::default()
            })
            .collect();
        ok(&NewOrdersResponse { orders })
    }

    pub(super) fn orders_list(&mut self, args: &Args) -> Handled {
        let bad = || mp_error(400, "IncorrectParameter", "Передан некорректный параметр");
        let limit = args.int("limit").map_err(|_| bad())?.ok_or_else(bad)?;
        let next = args.int("next").map_err(|_| bad())?.ok_or_else(bad)?;
        if !(1..=ORDERS_LIST_PAGE_MAX).contains(&limit) || next < 0 {
            return Err(bad());
        }
        let now = Utc::now().timestamp();
        let to = args.int("dateTo").map_err(|_| bad())?.unwrap_or(now);
        let from = args
            .int("dateFrom")
            .map_err(|_| bad())?
            .unwrap_or(to.min(now).saturating_sub(ORDERS_WINDOW_DAYS * 86_400));
        if from < 0 || to < 0 || from > to {
            return Err(bad());
        }
        if to
            .min(now.saturating_add(WINDOW_SLACK_SECS))
            .saturating_sub(from)
            > ORDERS_WINDOW_DAYS * 86_400 + WINDOW_SLACK_SECS
        {
            return Err(bad());
        }
        if next == 0 {
            self.poll_new_orders();
        }
        let mut page: Vec<&OrderRec> = self
            .orders
            .iter()
            .filter(|o| o.id.0 > next)
            .filter(|o| (from..=to).contains(&o.created_at.timestamp()))
            .collect();
        page.sort_by_key(|o| o.id);
        page.truncate(usize::try_from(limit).unwrap_or(0));
        ok_numbers(
            &OrdersResponse {
                next: page.last().map_or(0, |o| o.id.0),
                orders: page.iter().map(|o| Self::order_model(o)).collect(),
            },
            &["scanPrice"],
        )
    }

    pub(super) fn orders_status(&self, body: &[u8]) -> Handled {
        let request: OrderStatusesRequest = parse(body, incorrect_body)?;
        if request.orders.is_empty() || request.orders.len() > ORDERS_STATUS_MAX {
            return Err(incorrect_body());
        }
        let orders = request
            .orders
            .iter()
            .filter_map(|id| self.order(*id))
            .map(|o| OrderStatus {
                id: o.id,
                is_cancellable: matches!(o.supplier, SupplierStatus::New | SupplierStatus::Confirm)
                    && o.wb == WbStatus::Waiting,
                supplier_status: Some(o.supplier.clone()),
                wb_status: Some(o.wb.clone()),
            })
            .collect();
        ok(&OrderStatusesResponse { orders })
    }

    pub(super) fn order_cancel(&mut self, args: &Args) -> Handled {
        let id: i64 = args
            .param("orderId")
            .parse()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(incorrect_parameter)?;
        let o = self
            .orders
            .iter_mut()
            .find(|o| o.id.0 == id)
            .ok_or_else(not_found)?;
        let open = matches!(o.supplier, SupplierStatus::New | SupplierStatus::Confirm)
            && o.wb == WbStatus::Waiting;
        if !open {
            return Err(mp_error(
                409,
                "StatusMismatch",
                "Несоответствие статусов, проверьте их правильность",
            ));
        }
        let now = Utc::now();
        o.supplier = SupplierStatus::Cancel;
        o.wb = WbStatus::Canceled;
        o.cancelled_at = Some(now);
        o.last_change = now;
        Ok(Answer::empty(204))
    }

    pub(super) fn stickers(&self, args: &Args, body: &[u8]) -> Handled {
        let kind = args.query("type").unwrap_or("");
        if !matches!(kind, "svg" | "zplv" | "zplh" | "png") {
            return Err(incorrect_parameter());
        }
        let size = (args.int("width"), args.int("height"));
        let (width, height) = match size {
            (Ok(Some(58)), Ok(Some(40))) => (58, 40),
            (Ok(Some(40)), Ok(Some(30))) => (40, 30),
            _ => return Err(incorrect_parameter()),
        };
        let request: StickersRequest = parse(body, incorrect_body)?;
        if request.orders.is_empty() || request.orders.len() > ORDERS_STICKERS_MAX {
            return Err(incorrect_body());
        }
        let mut refused = Vec::new();
        let mut stickers = Vec::with_capacity(request.orders.len());
        for id in &request.orders {
            match self.order(*id) {
                Some(o)
                    if matches!(
                        o.supplier,
                        SupplierStatus::Confirm | SupplierStatus::Complete
                    ) =>
                {
                    let text = o.id.to_string();
                    let split = text.len().saturating_sub(4);
                    let part_a = text.get(..split).unwrap_or("").to_owned();
                    let part_b = text.get(split..).unwrap_or("").to_owned();
                    let barcode = format!(
                        "!{}",
                        base64(&o.id.0.to_be_bytes()[2..]).trim_end_matches('=')
                    );
                    let file = label_file(
                        kind,
                        width,
                        height,
                        &[&format!("{part_a} {part_b}"), &o.article],
                        o.id.0 as u64,
                    );
                    stickers.push(Sticker {
                        barcode,
                        file: base64(&file),
                        order_id: o.id,
                        part_a,
                        part_b,
                    });
                }
                _ => refused.push(id.to_string()),
            }
        }
        if !refused.is_empty() {
            return Err(mp_error(
                400,
                "IncorrectRequest",
                &format!(
                    "Переданы некорректные данные: сборочные задания {} не найдены или не в статусе confirm или complete",
                    refused.join(", ")
                ),
            ));
        }
        ok(&StickersResponse { stickers })
    }

    pub(super) fn orders_meta(&self, body: &[u8]) -> Handled {
        let bad = || {
            mp_error_with(
                400,
                "BadRequest",
                "Неправильный запрос",
                Some(Value::Object(Default::default())),
            )
        };
        let request: OrdersMetaRequest = parse(body, bad)?;
        if request.orders.is_empty() || request.orders.len() > ORDERS_META_MAX {
            return Err(bad());
        }
        let orders: Vec<OrderMeta> = request
            .orders
            .iter()
            .filter_map(|id| self.order(*id))
            .map(|o| OrderMeta {
                id: o.id,
                meta_details: Vec::new(),
            })
            .collect();
        if orders.is_empty() {
            return Err(mp_error_with(
                404,
                "NotFound",
                "Не найдено",
                Some(Value::Object(Default::default())),
            ));
        }
        ok(&OrdersMetaResponse { orders })
    }
}

// ---------------------------------------------------------------------------------------------
// Label files: SVG, PNG, ZPL; base64.
// ---------------------------------------------------------------------------------------------

/// A label of `kind` (`svg`, `png`, `zplv`, `zplh`) for a `width`x`height` mm sticker with
/// `lines` of text and a bar pattern from `bits`.
pub(super) fn label_file(
    kind: &str,
    width: u32,
    height: u32,
    lines: &[&str],
    bits: u64,
) -> Vec<u8> {
    match kind {
        "png" => tiny_png(width * 2, height * 2, bits),
        "zplv" | "zplh" => zpl(kind == "zplv", lines, bits).into_bytes(),
        _ => svg(width * 10, height * 10, lines, bits).into_bytes(),
    }
}

pub(super) fn xml_escape(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '<' => "&lt;".to_owned(),
            '>' => "&gt;".to_owned(),
            '&' => "&amp;".to_owned(),
            '"' => "&quot;".to_owned(),
            c => c.to_string(),
        })
        .collect()
}

pub(super) fn svg(width: u32, height: u32, lines: &[&str], bits: u64) -> String {
    let mut bars = String::new();
    for i in 0..64u32 {
        if (bits >> i) & 1 == 1 {
            bars.push_str(&format!(
                r##"<rect x="{}" y="{}" width="4" height="{}" fill="#000"/>"##,
                20 + i * 6,
                height / 2,
                height / 3
            ));
        }
    }
    let text: String = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            format!(
                r#"<text x="20" y="{}" font-family="Arial" font-size="{}">{}</text>"#,
                50 + i as u32 * 50,
                if i == 0 { 44 } else { 28 },
                xml_escape(l)
            )
        })
        .collect();
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}"><rect width="{width}" height="{height}" fill="#fff"/>{text}{bars}</svg>"##
    )
}

pub(super) fn zpl(vertical: bool, lines: &[&str], bits: u64) -> String {
    let orientation = if vertical { "R" } else { "N" };
    let mut out = format!("^XA^CI28^FW{orientation}");
    for (i, l) in lines.iter().enumerate() {
        out.push_str(&format!(
            "^FO20,{}^A0{orientation},40,40^FD{}^FS",
            20 + i * 50,
            l.replace(['^', '~'], " ")
        ));
    }
    out.push_str(&format!(
        "^FO20,140^BC{orientation},100,Y,N,N^FD{bits}^FS^XZ"
    ));
    out
}

pub(super) fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

pub(super) fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &x in data {
        a = (a + u32::from(x)) % 65_521;
        b = (b + a) % 65_521;
    }
    (b << 16) | a
}

pub(super) fn png_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let mut typed = kind.to_vec();
    typed.extend_from_slice(data);
    out.extend_from_slice(&typed);
    out.extend_from_slice(&crc32(&typed).to_be_bytes());
}

/// A small valid greyscale PNG (stored, uncompressed deflate) with a bar pattern.
pub(super) fn tiny_png(width: u32, height: u32, bits: u64) -> Vec<u8> {
    let mut raw = Vec::with_capacity(((width + 1) * height) as usize);
    for y in 0..height {
        raw.push(0);
        for x in 0..width {
            let column = x / 2;
            let bar = column % 2 == 0
                && (bits >> (column / 2 % 64)) & 1 == 1
                && y > height / 3
                && y < height * 5 / 6;
            raw.push(if bar { 0 } else { 255 });
        }
    }
    let mut z = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    if blocks.is_empty() {
        z.extend_from_slice(&[1, 0, 0, 0xFF, 0xFF]);
    }
    for (i, block) in blocks.iter().enumerate() {
        z.push(u8::from(i + 1 == blocks.len()));
        let len = block.len() as u16;
        z.extend_from_slice(&len.to_le_bytes());
        z.extend_from_slice(&(!len).to_le_bytes());
        z.extend_from_slice(block);
    }
    z.extend_from_slice(&adler32(&raw).to_be_bytes());
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = Vec::with_capacity(13);
    header.extend_from_slice(&width.to_be_bytes());
    header.extend_from_slice(&height.to_be_bytes());
    header.extend_from_slice(&[8, 0, 0, 0, 0]);
    png_chunk(&mut png, b"IHDR", &header);
    png_chunk(&mut png, b"IDAT", &z);
    png_chunk(&mut png, b"IEND", &[]);
    png
}

/// Standard base64 with padding.
pub(super) fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let byte = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (byte(0) << 16) | (byte(1) << 8) | byte(2);
        let symbol = |shift: u32| {
            char::from(
                ALPHABET
                    .get(((n >> shift) & 63) as usize)
                    .copied()
                    .unwrap_or(b'A'),
            )
        };
        out.push(symbol(18));
        out.push(symbol(12));
        out.push(if chunk.len() > 1 { symbol(6) } else { '=' });
        out.push(if chunk.len() > 2 { symbol(0) } else { '=' });
    }
    out
}
