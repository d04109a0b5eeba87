namespace LiveBot.Offers.Places;

/// <summary>Distances on the Earth, good to a few metres at the scale of a département.</summary>
public static class GeoMath
{
    private const double EarthRadiusKm = 6371.0;

    /// <summary>Great-circle distance in kilometres (haversine).</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = ToRadians(lat2 - lat1);
        var dLon = ToRadians(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(ToRadians(lat1)) * Math.Cos(ToRadians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>Kilometres per degree of latitude.</summary>
    public const double KmPerDegree = Math.PI * EarthRadiusKm / 180.0;

    public static double ToRadians(double degrees) => degrees * Math.PI / 180.0;
}
