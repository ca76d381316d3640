namespace Atlas.Tests.Semantics;

/// <summary>The benchmark programs of /work/shared/bench/programs, copied verbatim: they must check without any diagnostic.</summary>
[TestClass]
public sealed class BenchmarkProgramTests
{
    private const string Fib = """
        // fib: naive recursive Fibonacci (call-heavy).
        // Builtins used: print.

        fn fib(n: number) -> number {
            if (n < 2) {
                return n;
            }
            return fib(n - 1) + fib(n - 2);
        }

        print(fib(36));
        """;

    private const string Loop = """
        // loop: tight numeric loop, sum of (i * i) % 7 for i < n (arithmetic + back edges).
        // Builtins used: print.

        fn run(n: number) -> number {
            var acc = 0;
            for (var i = 0; i < n; i++) {
                acc += (i * i) % 7;
            }
            return acc;
        }

        print(run(50000000));
        """;

    private const string Mandelbrot = """
        // mandelbrot: size x size escape-time iteration, at most maxIter iterations per
        // point; prints the sum of the iteration counts (float math, nested loops).
        // Builtins used: print.

        fn run(size: number, maxIter: number) -> number {
            var total = 0;
            for (var py = 0; py < size; py++) {
                let ci = 2 * py / size - 1;
                for (var px = 0; px < size; px++) {
                    let cr = 2 * px / size - 1.5;
                    var zr = 0;
                    var zi = 0;
                    var zr2 = 0;
                    var zi2 = 0;
                    var it = 0;
                    while (it < maxIter && zr2 + zi2 <= 4) {
                        zi = 2 * zr * zi + ci;
                        zr = zr2 - zi2 + cr;
                        zr2 = zr * zr;
                        zi2 = zi * zi;
                        it++;
                    }
                    total += it;
                }
            }
            return total;
        }

        print(run(800, 200));
        """;

    private const string Nbody = """
        // nbody: the classic 5-body simulation, bodies held in parallel arrays of numbers;
        // prints floor(energy * 1e9) after `steps` steps (floating-point math, small arrays).
        // Builtins used: print, sqrt, floor.

        fn run(steps: number) -> number {
            let pi = 3.141592653589793;
            let solarMass = 4 * pi * pi;
            let daysPerYear = 365.24;
            let dt = 0.01;
            let nb = 5;

            var x = [0, 4.84143144246472090, 8.34336671824457987, 12.8943695621391310, 15.3796971148509165];
            var y = [0, -1.16032004402742839, 4.12479856412430479, -15.1111514016986312, -25.9193146099879641];
            var z = [0, -0.103622044471123109, -0.403523417114321381, -0.223307578892655734, 0.179258772950371181];
            var vx = [0, 0.00166007664274403694 * daysPerYear, -0.00276742510726862411 * daysPerYear, 0.00296460137564761618 * daysPerYear, 0.00268067772490389322 * daysPerYear];
            var vy = [0, 0.00769901118419740425 * daysPerYear, 0.00499852801234917238 * daysPerYear, 0.00237847173959480950 * daysPerYear, 0.00162824170038242295 * daysPerYear];
            var vz = [0, -0.0000690460016972063023 * daysPerYear, 0.0000230417297573763929 * daysPerYear, -0.0000296589568540237556 * daysPerYear, -0.0000951592254519715870 * daysPerYear];
            var mass = [solarMass, 0.000954791938424326609 * solarMass, 0.000285885980666130812 * solarMass, 0.0000436624404335156298 * solarMass, 0.0000515138902046611451 * solarMass];

            // offset momentum
            var px = 0;
            var py = 0;
            var pz = 0;
            for (var i = 0; i < nb; i++) {
                px = px + vx[i] * mass[i];
                py = py + vy[i] * mass[i];
                pz = pz + vz[i] * mass[i];
            }
            vx[0] = -px / solarMass;
            vy[0] = -py / solarMass;
            vz[0] = -pz / solarMass;

            for (var s = 0; s < steps; s++) {
                for (var a = 0; a < nb; a++) {
                    for (var b = a + 1; b < nb; b++) {
                        let dx = x[a] - x[b];
                        let dy = y[a] - y[b];
                        let dz = z[a] - z[b];
                        let dsq = dx * dx + dy * dy + dz * dz;
                        let dist = sqrt(dsq);
                        let mag = dt / (dsq * dist);
                        vx[a] = vx[a] - dx * mass[b] * mag;
                        vy[a] = vy[a] - dy * mass[b] * mag;
                        vz[a] = vz[a] - dz * mass[b] * mag;
                        vx[b] = vx[b] + dx * mass[a] * mag;
                        vy[b] = vy[b] + dy * mass[a] * mag;
                        vz[b] = vz[b] + dz * mass[a] * mag;
                    }
                }
                for (var c = 0; c < nb; c++) {
                    x[c] = x[c] + dt * vx[c];
                    y[c] = y[c] + dt * vy[c];
                    z[c] = z[c] + dt * vz[c];
                }
            }

            var e = 0;
            for (var m = 0; m < nb; m++) {
                e = e + 0.5 * mass[m] * (vx[m] * vx[m] + vy[m] * vy[m] + vz[m] * vz[m]);
                for (var k = m + 1; k < nb; k++) {
                    let ex = x[m] - x[k];
                    let ey = y[m] - y[k];
                    let ez = z[m] - z[k];
                    e = e - mass[m] * mass[k] / sqrt(ex * ex + ey * ey + ez * ez);
                }
            }
            return floor(e * 1000000000);
        }

        print(run(500000));
        """;

    private const string Sieve = """
        // sieve: sieve of Eratosthenes over n, repeated reps times; prints the sum of the
        // prime counts (array read/write).
        // Builtins used: print, and the array method push (only inside zeros).
        // Everything is in one function because Atlas arrays are values: passing the array to
        // a helper would hand it a copy (language.md §9.2).

        // The only place where an array grows: if the array API changes, adapt this body.
        fn zeros(n: number) -> number[] {
            var a: number[] = [];
            for (var i = 0; i < n; i++) {
                a.push(0);
            }
            return a;
        }

        fn run(n: number, reps: number) -> number {
            var flags = zeros(n + 1);
            var total = 0;
            for (var r = 0; r < reps; r++) {
                for (var i = 0; i <= n; i++) {
                    flags[i] = 1;
                }
                var p = 2;
                while (p * p <= n) {
                    if (flags[p] == 1) {
                        var j = p * p;
                        while (j <= n) {
                            flags[j] = 0;
                            j += p;
                        }
                    }
                    p++;
                }
                var primes = 0;
                for (var k = 2; k <= n; k++) {
                    if (flags[k] == 1) {
                        primes++;
                    }
                }
                total += primes;
            }
            return total;
        }

        print(run(5000000, 6));
        """;

    private const string Sort = """
        // sort: recursive in-place quicksort of n pseudo-random numbers from a Park-Miller
        // LCG; prints the sum of every 1000th element of the sorted array (-1 if unsorted).
        // Builtins used: print, floor, and the array method push (only inside zeros).

        // The array being sorted is a global: Atlas arrays are values, so a function that gets
        // the array as a parameter sorts its own copy (language.md §9.2); an in-place sort has to
        // name the variable it updates.
        var data: number[] = [];

        // The only place where an array grows: if the array API changes, adapt this body.
        fn zeros(n: number) -> number[] {
            var a: number[] = [];
            for (var i = 0; i < n; i++) {
                a.push(0);
            }
            return a;
        }

        fn quicksort(lo: number, hi: number) -> void {
            var i = lo;
            var j = hi;
            let pivot = data[floor((lo + hi) / 2)];
            while (i <= j) {
                while (data[i] < pivot) {
                    i++;
                }
                while (data[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    let t = data[i];
                    data[i] = data[j];
                    data[j] = t;
                    i++;
                    j--;
                }
            }
            if (lo < j) {
                quicksort(lo, j);
            }
            if (i < hi) {
                quicksort(i, hi);
            }
        }

        fn run(n: number) -> number {
            data = zeros(n);
            var seed = 42;
            for (var i = 0; i < n; i++) {
                seed = (seed * 16807) % 2147483647;
                data[i] = seed;
            }
            quicksort(0, n - 1);
            for (var m = 0; m + 1 < n; m++) {
                if (data[m] > data[m + 1]) {
                    return -1;
                }
            }
            var check = 0;
            var k = 0;
            while (k < n) {
                check += data[k];
                k += 1000;
            }
            return check;
        }

        print(run(1000000));
        """;

    private const string Strings = """
        // strings: appends str(i) for i < n to a line, starting a new line every `chunk`
        // pieces; prints the total length of all lines (= length of the whole concatenation).
        // (string concatenation, number-to-string conversion, allocation)
        // Builtins used: print, str, len (on a string).

        fn run(n: number, chunk: number) -> number {
            var total = 0;
            var line = "";
            for (var i = 0; i < n; i++) {
                line = line + str(i);
                if (i % chunk == chunk - 1) {
                    total += len(line);
                    line = "";
                }
            }
            total += len(line);
            return total;
        }

        print(run(3000000, 100));
        """;

    [TestMethod]
    [DataRow("fib", Fib)]
    [DataRow("loop", Loop)]
    [DataRow("mandelbrot", Mandelbrot)]
    [DataRow("nbody", Nbody)]
    [DataRow("sieve", Sieve)]
    [DataRow("sort", Sort)]
    [DataRow("strings", Strings)]
    public void ChecksCleanly(string name, string source) => Assert.AreEqual("", CheckHelper.All(source), name);
}
