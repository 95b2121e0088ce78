//! The page's file readers, a second wasm module loaded only when a PDF or a Word file is
//! dropped (static/pdf-loader.js), so the page's first load carries none of it:
//! - `pdfLayout`: PDF.js's positioned text items → the text rebuilt from them, with where every
//!   character is printed (`nianbao::input::positioned::layout`, exactly what the CLI does natively);
//! - `docxText`: a .docx → its text, tables as tab-separated rows (`nianbao::input::docx`).
//!
//! The main wasm (examples/web.rs) then checks that text (`checkPdfLayout`, `checkDocxText`).
//! Built by scripts/build-files-wasm.sh (a Trunk post-build hook) with wasm-bindgen --target web,
//! with the feature `files-module`, which leaves the checker facade (`nianbao::wasm`) out.
//! On other targets it is an empty program.

#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;

    use nianbao::input::positioned::{layout, PageSize, PositionedDoc, TextItem};

    /// The rebuilt text of a PDF and where its characters are printed.
    #[wasm_bindgen]
    pub struct PdfLayout {
        text: String,
        offsets: Vec<u32>,
        pages: Vec<u32>,
        xs: Vec<f32>,
        ys: Vec<f32>,
        chars: u32,
        npages: u32,
    }

    #[wasm_bindgen]
    impl PdfLayout {
        #[wasm_bindgen(getter)]
        pub fn text(&self) -> String {
            self.text.clone()
        }
        /// UTF-8 byte offset in `text` of each positioned character.
        #[wasm_bindgen(getter)]
        pub fn offsets(&self) -> Vec<u32> {
            self.offsets.clone()
        }
        #[wasm_bindgen(getter)]
        pub fn pages(&self) -> Vec<u32> {
            self.pages.clone()
        }
        #[wasm_bindgen(getter)]
        pub fn xs(&self) -> Vec<f32> {
            self.xs.clone()
        }
        #[wasm_bindgen(getter)]
        pub fn ys(&self) -> Vec<f32> {
            self.ys.clone()
        }
        /// Characters of text found (no text layer when few).
        #[wasm_bindgen(getter)]
        pub fn chars(&self) -> u32 {
            self.chars
        }
        #[wasm_bindgen(getter, js_name = pageCount)]
        pub fn page_count(&self) -> u32 {
            self.npages
        }
    }

    /// Rebuild a PDF's text from its items (`pack` in static/pdf-loader.js: `pages` width,
    /// height per page; `geom` page, x, y, w, h, dir per item; `texts` joined by U+001F).
    #[wasm_bindgen(js_name = pdfLayout)]
    pub fn pdf_layout(pages: &[f32], geom: &[f32], texts: &str) -> PdfLayout {
        let pages = pages.chunks_exact(2).map(|p| PageSize { width: p[0], height: p[1] }).collect();
        let items = geom
            .chunks_exact(6)
            .zip(texts.split('\u{1f}'))
            .map(|(g, t)| TextItem { page: g[0] as u32, x: g[1], y: g[2], w: g[3], h: g[4], dir: g[5] as u16, text: t.to_string() })
            .collect();
        let l = layout(&PositionedDoc { pages, items });
        PdfLayout {
            offsets: l.positions.iter().map(|p| p.0 as u32).collect(),
            pages: l.positions.iter().map(|p| p.1.page).collect(),
            xs: l.positions.iter().map(|p| p.1.x).collect(),
            ys: l.positions.iter().map(|p| p.1.y).collect(),
            chars: l.chars as u32,
            npages: l.pages as u32,
            text: l.text,
        }
    }

    /// The text of a .docx; throws the message for the user when it cannot be read.
    #[wasm_bindgen(js_name = docxText)]
    pub fn docx_text(bytes: &[u8]) -> Result<String, JsError> {
        nianbao::input::docx::docx_text(bytes).map_err(|e| JsError::new(&e.message()))
    }
}

fn main() {}
