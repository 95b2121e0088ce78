//! Geometry: transformation matrices and a page's display space (crop box, origin top left,
//! y down, /Rotate applied), as PDF.js's viewport has it.

use lopdf::{Dictionary, Document};

use super::inherited;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Matrix(pub(super) [f32; 6]);

impl Matrix {
    pub(super) const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// self then other (PDF's row-vector convention: [x y 1] × self × other).
    pub(super) fn then(self, o: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [oa, ob, oc, od, oe, of] = o.0;
        Matrix([a * oa + b * oc, a * ob + b * od, c * oa + d * oc, c * ob + d * od, e * oa + f * oc + oe, e * ob + f * od + of])
    }
    pub(super) fn apply(self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (x * a + y * c + e, x * b + y * d + f)
    }
    pub(super) fn vec(self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, _, _] = self.0;
        (x * a + y * c, x * b + y * d)
    }
    pub(super) fn translate(x: f32, y: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }
    pub(super) fn finite(self) -> bool {
        self.0.iter().all(|v| v.is_finite())
    }
}

pub(super) struct PageGeom {
    pub(super) width: f32,
    pub(super) height: f32,
    /// User space → display space (top left origin, y down, rotated).
    pub(super) view: Matrix,
}

impl PageGeom {
    pub(super) fn of(doc: &Document, page: &Dictionary) -> PageGeom {
        let rect = |key: &[u8]| -> Option<[f32; 4]> {
            let o = inherited(doc, page, key)?;
            let a = doc.dereference(o).ok()?.1.as_array().ok()?;
            if a.len() != 4 {
                return None;
            }
            let mut v = [0f32; 4];
            for (i, x) in a.iter().enumerate() {
                v[i] = doc.dereference(x).ok()?.1.as_float().ok()?;
            }
            let r = [v[0].min(v[2]), v[1].min(v[3]), v[0].max(v[2]), v[1].max(v[3])];
            (r[2] - r[0] > 1.0 && r[3] - r[1] > 1.0 && r.iter().all(|x| x.is_finite())).then_some(r)
        };
        let media = rect(b"MediaBox").unwrap_or([0.0, 0.0, 612.0, 792.0]);
        // PDF.js uses the crop box clipped to the media box, when that is a real box.
        let view = match rect(b"CropBox") {
            Some(c) => {
                let i = [c[0].max(media[0]), c[1].max(media[1]), c[2].min(media[2]), c[3].min(media[3])];
                if i[2] - i[0] > 1.0 && i[3] - i[1] > 1.0 {
                    i
                } else {
                    media
                }
            }
            None => media,
        };
        let rotate = inherited(doc, page, b"Rotate").and_then(|o| doc.dereference(o).ok()).and_then(|(_, o)| o.as_i64().ok()).unwrap_or(0);
        let rotate = ((rotate % 360) + 360) % 360;
        let (w, h) = (view[2] - view[0], view[3] - view[1]);
        let base = Matrix([1.0, 0.0, 0.0, -1.0, -view[0], view[3]]);
        let (rot, width, height) = match rotate {
            90 => (Matrix([0.0, 1.0, -1.0, 0.0, h, 0.0]), h, w),
            180 => (Matrix([-1.0, 0.0, 0.0, -1.0, w, h]), w, h),
            270 => (Matrix([0.0, -1.0, 1.0, 0.0, 0.0, w]), h, w),
            _ => (Matrix::IDENTITY, w, h),
        };
        PageGeom { width, height, view: base.then(rot) }
    }
}
