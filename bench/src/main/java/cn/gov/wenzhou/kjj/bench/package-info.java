/** The benchmark harness: baselines of the machine and our figures, measured in one run, reported as ratios. */
package cn.gov.wenzhou.kjj.bench;
