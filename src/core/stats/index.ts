/**
 * Statistics engine (public API). Work in progress: functions not yet implemented throw.
 */
import { VirkningError } from "../errors";
import type { Alternative, Estimate, Lang, PowerResult, TablePolicy, TestResult } from "./types";
export type { Alternative, Estimate, Lang, PowerResult, TablePolicy, TestResult, Text } from "./types";

function todo(): never {
  throw new VirkningError("STATS_NOT_IMPLEMENTED", "Ikke implementeret endnu.", "Not implemented yet.");
}
/* eslint-disable @typescript-eslint/no-unused-vars */
export function expectedCounts(table: number[][]): number[][] { return todo(); }
export function chiSquareTest(table: number[][], opts?: { correct?: boolean }): TestResult { return todo(); }
export function fisherExact(table: number[][], opts?: { alternative?: Alternative; confLevel?: number; simulate?: { B: number; seed: number } }): TestResult { return todo(); }
export function testTable(table: number[][], policy: TablePolicy): TestResult { return todo(); }
export function riskDifference(x1: number, n1: number, x2: number, n2: number, confLevel?: number): Estimate { return todo(); }
export function relativeRisk(x1: number, n1: number, x2: number, n2: number, confLevel?: number): Estimate { return todo(); }
export function oddsRatio(x1: number, n1: number, x2: number, n2: number, confLevel?: number): Estimate { return todo(); }
export function mcnemarTest(table: number[][], opts?: { correct?: boolean; exact?: boolean }): TestResult { return todo(); }
export function tTest(x: number[], y: number[], opts?: { varEqual?: boolean; paired?: boolean; confLevel?: number; alternative?: Alternative }): TestResult { return todo(); }
export function wilcoxonRankSum(x: number[], y: number[], opts?: { exact?: boolean; correct?: boolean; alternative?: Alternative }): TestResult { return todo(); }
export function wilcoxonSignedRank(x: number[], y: number[], opts?: { exact?: boolean; correct?: boolean; alternative?: Alternative }): TestResult { return todo(); }
export function shapiroWilk(x: number[]): TestResult { return todo(); }
export function smdContinuous(x: number[], y: number[]): number { return todo(); }
export function smdProportion(p1: number, p2: number): number { return todo(); }
export function powerTwoProportions(args: { p1: number; p2: number; n?: number; power?: number; sigLevel?: number }): PowerResult { return todo(); }
export function sampleSizeFor80(p1: number, p2: number, sigLevel?: number): number { return todo(); }
export function formatP(p: number, lang?: Lang): string { return todo(); }
export function formatPercent(x: number, decimals?: number, lang?: Lang): string { return todo(); }
export function formatNumber(x: number, decimals?: number, lang?: Lang): string { return todo(); }
export function formatCI(est: number, lower: number, upper: number, opts?: { percent?: boolean; decimals?: number; lang?: Lang }): string { return todo(); }
export function mean(x: number[]): number { return todo(); }
export function sd(x: number[]): number { return todo(); }
export function median(x: number[]): number { return todo(); }
