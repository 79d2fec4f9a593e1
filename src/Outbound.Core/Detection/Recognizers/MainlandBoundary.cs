namespace Outbound.Detection.Recognizers;

/// <summary>Tells whether a point lies in mainland China (中国大陆): inside its land boundary or within its coastal band.</summary>
/// <remarks>
/// <para>
/// The boundary is <c>Data/cn-mainland-boundary.txt</c>: Natural Earth's 1:10m China, simplified (see
/// <c>Data/SOURCES.md</c> and <c>build/data/mainland_boundary.py</c>), with every edge marked as coast or land border,
/// plus exclusion rings for Hong Kong, Macao, Taiwan (with Kinmen and Matsu), North Korea and Vietnam.
/// </para>
/// <para>
/// A point is in the mainland when it is not inside an exclusion ring and is either inside a mainland ring or within
/// <see cref="CoastalBand"/> degrees (about 17 km) of a coastal edge. The band absorbs the coarse coastline (city
/// centres such as Xiamen or Zhoushan lie within a few kilometres of it) and stays inside the 12-nautical-mile
/// territorial sea; the exclusion rings keep it out of neighbours across narrow water. Land borders are accurate to
/// about 2 km. Outlying islands (e.g. the Paracels) are kept as small rings.
/// </para>
/// <para>
/// Lookups use a grid of <see cref="CellSize"/>-degree cells: cells crossed by no edge and farther than the band from
/// every coastal edge are answered from a table; the rest cast a ray through the edges of their latitude band and
/// measure the distance to the coastal edges listed for the cell. Built once; thread-safe; lookups allocate nothing.
/// </para>
/// </remarks>
internal sealed class MainlandBoundary
{
    /// <summary>The width of the coastal band, in degrees of latitude.</summary>
    public const double CoastalBand = 0.15;

    /// <summary>The grid cell size in degrees.</summary>
    public const double CellSize = 0.25;

    private const string ResourceName = "Outbound.Detection.Data.cn-mainland-boundary.txt";
    private const double West = 72;
    private const double South = 15;
    private const int Columns = 256;
    private const int Rows = 160;
    private const byte Outside = 0;
    private const byte Inside = 1;
    private const byte Check = 2;

    private readonly Edge[] _edges;
    private readonly byte[] _cells;

    // Per row (latitude band): the edges of mainland rings and of exclusion rings that span it (CSR layout).
    private readonly int[] _mainlandBandStart;
    private readonly int[] _mainlandBandEdges;
    private readonly int[] _exclusionBandStart;
    private readonly int[] _exclusionBandEdges;

    // Per cell: the coastal edges within the band of it (CSR layout).
    private readonly int[] _coastCellStart;
    private readonly int[] _coastCellEdges;

    private MainlandBoundary(Edge[] edges)
    {
        _edges = edges;
        (_mainlandBandStart, _mainlandBandEdges) = BuildBands(edge => !edge.Exclusion);
        (_exclusionBandStart, _exclusionBandEdges) = BuildBands(edge => edge.Exclusion);
        (_coastCellStart, _coastCellEdges) = BuildCoastCells();
        _cells = BuildCells();
    }

    /// <summary>Gets the boundary built from the shipped data.</summary>
    public static MainlandBoundary Instance { get; } = Load();

    /// <summary>Gets the number of edges of the mainland rings.</summary>
    public int MainlandEdgeCount => _edges.Count(edge => !edge.Exclusion);

    /// <summary>Returns <see langword="true"/> when (<paramref name="latitude"/>, <paramref name="longitude"/>) lies in mainland China.</summary>
    public bool Contains(double latitude, double longitude)
    {
        double column = (longitude - West) / CellSize;
        double row = (latitude - South) / CellSize;
        if (!(column >= 0 && column < Columns && row >= 0 && row < Rows))
        {
            return false;
        }

        int cell = ((int)row * Columns) + (int)column;
        return _cells[cell] switch
        {
            Inside => true,
            Outside => false,
            _ => Evaluate(latitude, longitude, (int)row, cell),
        };
    }

    private static MainlandBoundary Load()
    {
        var edges = new List<Edge>();
        var ring = new List<(double Lon, double Lat, bool Coast)>();
        bool exclusion = false;
        int remaining = 0;
        foreach (string line in RecognizerBytes.ReadDataLines(ResourceName))
        {
            string[] fields = line.Split(' ');
            if (remaining == 0)
            {
                // "M 123" or "X 45": a mainland or exclusion ring of that many vertices follows.
                exclusion = fields[0] == "X";
                remaining = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
                ring.Clear();
                continue;
            }

            ring.Add((
                double.Parse(fields[0], System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture),
                fields[2] == "c"));
            if (--remaining == 0)
            {
                for (int i = 0; i + 1 < ring.Count; i++)
                {
                    edges.Add(new Edge(ring[i].Lon, ring[i].Lat, ring[i + 1].Lon, ring[i + 1].Lat, ring[i].Coast && !exclusion, exclusion));
                }
            }
        }

        return new MainlandBoundary([.. edges]);
    }

    private bool Evaluate(double latitude, double longitude, int row, int cell)
    {
        if (IsInside(latitude, longitude, _exclusionBandStart, _exclusionBandEdges, row))
        {
            return false;
        }

        if (IsInside(latitude, longitude, _mainlandBandStart, _mainlandBandEdges, row))
        {
            return true;
        }

        double scale = Math.Cos(latitude * Math.PI / 180);
        double limit = CoastalBand * CoastalBand;
        for (int i = _coastCellStart[cell]; i < _coastCellStart[cell + 1]; i++)
        {
            if (_edges[_coastCellEdges[i]].DistanceSquared(longitude, latitude, scale) <= limit)
            {
                return true;
            }
        }

        return false;
    }

    private bool IsInside(double latitude, double longitude, int[] bandStart, int[] bandEdges, int row)
    {
        // Even-odd rule over a ray cast east.
        bool inside = false;
        for (int i = bandStart[row]; i < bandStart[row + 1]; i++)
        {
            ref readonly Edge edge = ref _edges[bandEdges[i]];
            if ((edge.Y1 > latitude) != (edge.Y2 > latitude)
                && edge.X1 + ((latitude - edge.Y1) * (edge.X2 - edge.X1) / (edge.Y2 - edge.Y1)) > longitude)
            {
                inside = !inside;
            }
        }

        return inside;
    }

    private (int[] Start, int[] Edges) BuildBands(Func<Edge, bool> include)
    {
        var bands = new List<int>[Rows];
        for (int row = 0; row < Rows; row++)
        {
            bands[row] = [];
        }

        for (int e = 0; e < _edges.Length; e++)
        {
            Edge edge = _edges[e];
            if (!include(edge))
            {
                continue;
            }

            int low = Math.Max(0, (int)Math.Floor((Math.Min(edge.Y1, edge.Y2) - South) / CellSize));
            int high = Math.Min(Rows - 1, (int)Math.Floor((Math.Max(edge.Y1, edge.Y2) - South) / CellSize));
            for (int row = low; row <= high; row++)
            {
                bands[row].Add(e);
            }
        }

        return Flatten(bands);
    }

    private (int[] Start, int[] Edges) BuildCoastCells()
    {
        var cells = new List<int>[Rows * Columns];
        for (int e = 0; e < _edges.Length; e++)
        {
            Edge edge = _edges[e];
            if (!edge.Coast)
            {
                continue;
            }

            double north = Math.Max(edge.Y1, edge.Y2) + CoastalBand;
            double south = Math.Min(edge.Y1, edge.Y2) - CoastalBand;
            double widen = CoastalBand / Math.Cos(Math.Max(Math.Abs(north), Math.Abs(south)) * Math.PI / 180);
            ForEachCell(Math.Min(edge.X1, edge.X2) - widen, south, Math.Max(edge.X1, edge.X2) + widen, north, cell => (cells[cell] ??= []).Add(e));
        }

        return Flatten(cells);
    }

    private byte[] BuildCells()
    {
        var cells = new byte[Rows * Columns];
        foreach (Edge edge in _edges)
        {
            ForEachCell(Math.Min(edge.X1, edge.X2), Math.Min(edge.Y1, edge.Y2), Math.Max(edge.X1, edge.X2), Math.Max(edge.Y1, edge.Y2), cell => cells[cell] = Check);
        }

        for (int cell = 0; cell < cells.Length; cell++)
        {
            if (_coastCellStart[cell + 1] > _coastCellStart[cell])
            {
                cells[cell] = Check;
            }

            if (cells[cell] != Check)
            {
                // No edge crosses the cell and no coast is near it: its centre answers for all of it.
                int row = cell / Columns;
                double latitude = South + ((row + 0.5) * CellSize);
                double longitude = West + (((cell % Columns) + 0.5) * CellSize);
                cells[cell] = Evaluate(latitude, longitude, row, cell) ? Inside : Outside;
            }
        }

        return cells;
    }

    private static void ForEachCell(double west, double south, double east, double north, Action<int> action)
    {
        int firstColumn = Math.Max(0, (int)Math.Floor((west - West) / CellSize));
        int lastColumn = Math.Min(Columns - 1, (int)Math.Floor((east - West) / CellSize));
        int firstRow = Math.Max(0, (int)Math.Floor((south - South) / CellSize));
        int lastRow = Math.Min(Rows - 1, (int)Math.Floor((north - South) / CellSize));
        for (int row = firstRow; row <= lastRow; row++)
        {
            for (int column = firstColumn; column <= lastColumn; column++)
            {
                action((row * Columns) + column);
            }
        }
    }

    private static (int[] Start, int[] Items) Flatten(List<int>?[] lists)
    {
        var start = new int[lists.Length + 1];
        for (int i = 0; i < lists.Length; i++)
        {
            start[i + 1] = start[i] + (lists[i]?.Count ?? 0);
        }

        var items = new int[start[^1]];
        for (int i = 0; i < lists.Length; i++)
        {
            lists[i]?.CopyTo(items, start[i]);
        }

        return (start, items);
    }

    /// <summary>A boundary edge from (X1, Y1) to (X2, Y2) in degrees of longitude and latitude.</summary>
    private readonly record struct Edge(double X1, double Y1, double X2, double Y2, bool Coast, bool Exclusion)
    {
        /// <summary>Returns the squared distance in degrees of latitude from a point to the edge, longitudes scaled by <paramref name="scale"/> (the cosine of the latitude).</summary>
        public double DistanceSquared(double longitude, double latitude, double scale)
        {
            double ax = (X1 - longitude) * scale;
            double ay = Y1 - latitude;
            double dx = (X2 - X1) * scale;
            double dy = Y2 - Y1;
            double length = (dx * dx) + (dy * dy);
            double t = length == 0 ? 0 : Math.Clamp(-((ax * dx) + (ay * dy)) / length, 0, 1);
            double x = ax + (t * dx);
            double y = ay + (t * dy);
            return (x * x) + (y * y);
        }
    }
}
