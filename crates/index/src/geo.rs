//! Positions and great-circle distances: the one definition of "how far", used by the reader
//! (which prepares a [`Point`] per document once), the engine (distance filter, sort and the
//! distance shown on a hit) and, through [`distance_km`], the web UI and the tests.
//!
//! It sits below both the reader and the engine so that neither imports the other for it.

/// Mean Earth radius used for distances.
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
    pub fn new(lat: f64, lon: f64) -> Point {
        let lat_rad = lat.to_radians();
        Point {
            lat_rad,
            lon_deg: lon,
            cos_lat: lat_rad.cos(),
        }
    }

    /// Great-circle distance in km (haversine).
    pub fn km_to(&self, other: &Point) -> f64 {
        let dp = other.lat_rad - self.lat_rad;
        let dl = (other.lon_deg - self.lon_deg).to_radians();
        let a = (dp / 2.0).sin().powi(2) + self.cos_lat * other.cos_lat * (dl / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
    }

    /// Latitude in radians.
    pub fn lat_rad(&self) -> f64 {
        self.lat_rad
    }
}

/// Great-circle distance in km (haversine, mean Earth radius).
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    Point::new(lat1, lon1).km_to(&Point::new(lat2, lon2))
}
