//! Positions and great-circle distances: the one definition of "how far" in Tilbudsfinder.
//!
//! The record checks use it (an address far from its municipality's main town), and the index
//! crate re-exports it for the engine (distance filter, sort and the distance shown on a hit),
//! the web UI and the tests. It lives in the catalogue crate, the lowest one that needs it, and
//! compiles without the `read` feature, so the browser build has it too.

/// Mean Earth radius used for distances, in km.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// A position prepared for repeated distance computations (radians and cosine computed once).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    lat_rad: f64,
    lon_deg: f64,
    cos_lat: f64,
}

impl Point {
    /// A point at WGS84 degrees.
    #[inline]
    pub fn new(lat: f64, lon: f64) -> Point {
        let lat_rad = lat.to_radians();
        Point {
            lat_rad,
            lon_deg: lon,
            cos_lat: lat_rad.cos(),
        }
    }

    /// Great-circle distance in km (haversine).
    #[inline]
    pub fn km_to(&self, other: &Point) -> f64 {
        let dp = other.lat_rad - self.lat_rad;
        let dl = (other.lon_deg - self.lon_deg).to_radians();
        let a = (dp / 2.0).sin().powi(2) + self.cos_lat * other.cos_lat * (dl / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
    }

    /// Latitude in radians.
    #[inline]
    pub fn lat_rad(&self) -> f64 {
        self.lat_rad
    }
}

/// Great-circle distance in km (haversine, mean Earth radius).
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    Point::new(lat1, lon1).km_to(&Point::new(lat2, lon2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_is_roughly_right() {
        // Copenhagen to Aarhus is about 157 km as the crow flies.
        let km = distance_km(55.676, 12.568, 56.157, 10.211);
        assert!((150.0..165.0).contains(&km), "{km}");
    }

    #[test]
    fn distance_is_symmetric_and_zero_at_the_same_place() {
        let (a, b) = (Point::new(55.676, 12.568), Point::new(57.048, 9.919));
        assert_eq!(a.km_to(&a), 0.0);
        assert!((a.km_to(&b) - b.km_to(&a)).abs() < 1e-9);
    }

    #[test]
    fn antipodes_are_half_the_circumference() {
        // Rounding may push the haversine term just past 1; the distance stays defined.
        let km = distance_km(0.0, 0.0, 0.0, 180.0);
        assert!(
            (km - std::f64::consts::PI * EARTH_RADIUS_KM).abs() < 1e-6,
            "{km}"
        );
    }
}
