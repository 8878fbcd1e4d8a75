/// The three matrix-matrix products of a pass, as loops over contiguous rows that the optimiser
/// vectorises. Each keeps, for every single result, the order of operations of ``Trace``: one
/// product, then one addition, in order of the summed index; only the loops around it are arranged
/// for speed (four samples or four rows at a time, so each row of weights is read once for four).
enum Kernels {
    /// `z[s][j] = Σ_k w_jk · a[s][k]`, summed in order of k, for `count` samples (no bias).
    static func forward(_ layer: PreparedLayer, input: [Double], count: Int, into z: inout [Double]) {
        let n = layer.n, m = layer.m
        layer.wT.withUnsafeBufferPointer { wT in
            input.withUnsafeBufferPointer { a in
                z.withUnsafeMutableBufferPointer { z in
                    var s = 0
                    while s + 4 <= count {
                        let (z0, z1, z2, z3) = (z.baseAddress! + s * n, z.baseAddress! + (s + 1) * n,
                                                z.baseAddress! + (s + 2) * n, z.baseAddress! + (s + 3) * n)
                        for k in 0..<m {
                            let row = wT.baseAddress! + k * n
                            let (a0, a1, a2, a3) = (a[s * m + k], a[(s + 1) * m + k], a[(s + 2) * m + k], a[(s + 3) * m + k])
                            for j in 0..<n {
                                let w = row[j]
                                z0[j] += w * a0
                                z1[j] += w * a1
                                z2[j] += w * a2
                                z3[j] += w * a3
                            }
                        }
                        s += 4
                    }
                    while s < count {
                        let zs = z.baseAddress! + s * n
                        for k in 0..<m {
                            let row = wT.baseAddress! + k * n, ak = a[s * m + k]
                            for j in 0..<n { zs[j] += row[j] * ak }
                        }
                        s += 1
                    }
                }
            }
        }
    }

    /// `below[s][k] = Σ_i δ[s][i] · w_ik`, summed in order of i: `∂C_s/∂a_k` of the layer below.
    static func backward(_ layer: PreparedLayer, delta: [Double], count: Int, into below: inout [Double]) {
        let n = layer.n, m = layer.m
        layer.w.withUnsafeBufferPointer { w in
            delta.withUnsafeBufferPointer { d in
                below.withUnsafeMutableBufferPointer { out in
                    var s = 0
                    while s + 4 <= count {
                        let (b0, b1, b2, b3) = (out.baseAddress! + s * m, out.baseAddress! + (s + 1) * m,
                                                out.baseAddress! + (s + 2) * m, out.baseAddress! + (s + 3) * m)
                        for i in 0..<n {
                            let row = w.baseAddress! + i * m
                            let (d0, d1, d2, d3) = (d[s * n + i], d[(s + 1) * n + i], d[(s + 2) * n + i], d[(s + 3) * n + i])
                            for k in 0..<m {
                                let wik = row[k]
                                b0[k] += d0 * wik
                                b1[k] += d1 * wik
                                b2[k] += d2 * wik
                                b3[k] += d3 * wik
                            }
                        }
                        s += 4
                    }
                    while s < count {
                        let bs = out.baseAddress! + s * m
                        for i in 0..<n {
                            let row = w.baseAddress! + i * m, di = d[s * n + i]
                            for k in 0..<m { bs[k] += di * row[k] }
                        }
                        s += 1
                    }
                }
            }
        }
    }

    /// `g[j][k] = Σ_s δ[s][j] · a[s][k]`, summed in order of s: the block's weight gradients.
    static func weightGradients(_ layer: PreparedLayer, delta: [Double], input: [Double], count: Int, into g: inout [Double]) {
        let n = layer.n, m = layer.m
        delta.withUnsafeBufferPointer { d in
            input.withUnsafeBufferPointer { a in
                g.withUnsafeMutableBufferPointer { g in
                    var j = 0
                    while j + 4 <= n {
                        let (g0, g1, g2, g3) = (g.baseAddress! + j * m, g.baseAddress! + (j + 1) * m,
                                                g.baseAddress! + (j + 2) * m, g.baseAddress! + (j + 3) * m)
                        for s in 0..<count {
                            let row = a.baseAddress! + s * m
                            let (d0, d1, d2, d3) = (d[s * n + j], d[s * n + j + 1], d[s * n + j + 2], d[s * n + j + 3])
                            for k in 0..<m {
                                let ak = row[k]
                                g0[k] += d0 * ak
                                g1[k] += d1 * ak
                                g2[k] += d2 * ak
                                g3[k] += d3 * ak
                            }
                        }
                        j += 4
                    }
                    while j < n {
                        let gj = g.baseAddress! + j * m
                        for s in 0..<count {
                            let row = a.baseAddress! + s * m, dj = d[s * n + j]
                            for k in 0..<m { gj[k] += dj * row[k] }
                        }
                        j += 1
                    }
                }
            }
        }
    }
}
