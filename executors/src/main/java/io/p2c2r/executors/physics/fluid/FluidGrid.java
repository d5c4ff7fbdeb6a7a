package io.p2c2r.executors.physics.fluid;

/**
 * The state of a 3D fluid on a staggered (MAC) grid of unit cells: density at cell centres, each velocity
 * component on the faces normal to its axis, and a solid mask. Face velocities are held at zero wherever the
 * face touches the domain wall or a solid cell, so the walls are closed. Mutable; owned by one
 * {@link FluidSolver}, whose parallel loops write disjoint slabs.
 */
public final class FluidGrid {
    final int nx;
    final int ny;
    final int nz;
    final double[] density;
    final double[] u; // (nx + 1) x ny x nz, face (i, j, k) at x = i
    final double[] v; // nx x (ny + 1) x nz
    final double[] w; // nx x ny x (nz + 1)
    final boolean[] solid;

    public FluidGrid(int nx, int ny, int nz) {
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        density = new double[nx * ny * nz];
        u = new double[(nx + 1) * ny * nz];
        v = new double[nx * (ny + 1) * nz];
        w = new double[nx * ny * (nz + 1)];
        solid = new boolean[nx * ny * nz];
    }

    public int nx() {
        return nx;
    }

    public int ny() {
        return ny;
    }

    public int nz() {
        return nz;
    }

    int cell(int i, int j, int k) {
        return i + nx * (j + ny * k);
    }

    int uFace(int i, int j, int k) {
        return i + (nx + 1) * (j + ny * k);
    }

    int vFace(int i, int j, int k) {
        return i + nx * (j + (ny + 1) * k);
    }

    int wFace(int i, int j, int k) {
        return i + nx * (j + ny * k);
    }

    /** True if the cell exists and holds fluid. */
    boolean fluid(int i, int j, int k) {
        return i >= 0 && j >= 0 && k >= 0 && i < nx && j < ny && k < nz && !solid[cell(i, j, k)];
    }

    public double density(int i, int j, int k) {
        return density[cell(i, j, k)];
    }

    public boolean isSolid(int i, int j, int k) {
        return solid[cell(i, j, k)];
    }

    /** Marks a cell solid: its density is cleared and its faces close. */
    public void setSolid(int i, int j, int k) {
        solid[cell(i, j, k)] = true;
        density[cell(i, j, k)] = 0;
    }

    public void addDensity(int i, int j, int k, double amount) {
        if (!solid[cell(i, j, k)]) {
            density[cell(i, j, k)] += amount;
        }
    }

    /** Sets the velocity on the six faces of a fluid cell (closed faces are re-zeroed by the solver). */
    public void setCellVelocity(int i, int j, int k, double vx, double vy, double vz) {
        if (solid[cell(i, j, k)]) {
            return;
        }
        u[uFace(i, j, k)] = vx;
        u[uFace(i + 1, j, k)] = vx;
        v[vFace(i, j, k)] = vy;
        v[vFace(i, j + 1, k)] = vy;
        w[wFace(i, j, k)] = vz;
        w[wFace(i, j, k + 1)] = vz;
    }

    /** Velocity at a cell centre: the mean of the two faces on each axis. */
    public double[] cellVelocity(int i, int j, int k) {
        return new double[] {
            (u[uFace(i, j, k)] + u[uFace(i + 1, j, k)]) / 2,
            (v[vFace(i, j, k)] + v[vFace(i, j + 1, k)]) / 2,
            (w[wFace(i, j, k)] + w[wFace(i, j, k + 1)]) / 2};
    }

    /** Net outflow of a cell: the discrete divergence on a unit grid. */
    double divergence(int i, int j, int k) {
        return u[uFace(i + 1, j, k)] - u[uFace(i, j, k)] + v[vFace(i, j + 1, k)] - v[vFace(i, j, k)]
                + w[wFace(i, j, k + 1)] - w[wFace(i, j, k)];
    }

    /** Zeroes every face that touches a wall or a solid cell. */
    void closeFaces() {
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i <= nx; i++) {
                    if (!fluid(i - 1, j, k) || !fluid(i, j, k)) {
                        u[uFace(i, j, k)] = 0;
                    }
                }
            }
            for (int j = 0; j <= ny; j++) {
                for (int i = 0; i < nx; i++) {
                    if (!fluid(i, j - 1, k) || !fluid(i, j, k)) {
                        v[vFace(i, j, k)] = 0;
                    }
                }
            }
        }
        for (int k = 0; k <= nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    if (!fluid(i, j, k - 1) || !fluid(i, j, k)) {
                        w[wFace(i, j, k)] = 0;
                    }
                }
            }
        }
    }

    public double totalDensity() {
        double s = 0;
        for (double d : density) {
            s += d;
        }
        return s;
    }
}
